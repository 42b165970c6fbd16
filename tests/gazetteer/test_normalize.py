"""The normaliser: romanisation variants share keys; property tests for its invariants."""
from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from gazetteer.normalize import (ARTICLES, article_forms, consonants, e_as_i_key, exact_key,
                                 fold, keys, loose_key, skeleton_key, without_type_words)

SAME_LOOSE = [
    ("Bab al-Salameh", "Bab as-Salama"),
    ("Bab al-Salameh", "Bab al Salama"),
    ("Kafer Naya", "Kafr Naya"),
    ("Kfar Naya", "Kafr Naya"),
    ("Kefer Naya", "Kafr Naya"),    # Levantine spellings of Kafr
    ("Kfer Nabl", "Kafr Nabl"),
    ("Kafr Naya", "Kafrnaya"),
    ("Tell Rifaat", "Tal Rifaat"),
    ("Tall Rif‘at", "Tel Rifaat"),
    ("Hreitan", "Hraytan"),
    ("Hraïtâne", "Hraytan"),
    ("Killis", "Kilis"),
    ("Zahraa", "al-Zahraa"),
    ("Lattakia", "Latakia"),
    ("Deir ez-Zor", "Dayr al-Zor"),
    ("Sharm el-Sheikh", "Sharm ash Shaykh"),
    ("Qamishli", "Al Qāmishlī"),
    ("Jisr al-Shughur", "Jisr ash Shughūr"),
    ("Ma'arrat al-Nu'man", "Maarat al-Numan"),
    ("Menagh airbase", "Menagh Air Base"),
]

SAME_SKELETON = [
    ("Hraytan", "Haritan"),
    ("Hraytan", "Ḩuraytān"),
    ("Hraytan", "حريتان"),
    ("A'zaz", "إعزاز"),
    ("Tell Rifaat", "تل رفعت"),
    ("Nubl", "نبل"),
    ("Nubbul", "Nubl"),
    ("Zahraa", "الزهراء"),
    ("Kafr Naya", "كفر نايا"),
    ("Bab al-Salama", "باب السلامة"),
    ("Homs", "حمص"),
    ("Ayn al-Arab", "عين العرب"),
    ("Deir ez-Zor", "Dayr az Zawr"),
]


@pytest.mark.parametrize(("a", "b"), SAME_LOOSE)
def test_report_spellings_share_the_loose_key(a, b):
    assert loose_key(a) == loose_key(b)


@pytest.mark.parametrize(("a", "b"), SAME_SKELETON)
def test_report_spellings_share_the_skeleton(a, b):
    assert skeleton_key(a) == skeleton_key(b)


def test_different_places_keep_different_keys():
    assert loose_key("Nubl") != loose_key("Kafr Nabl")
    assert skeleton_key("Azaz") != skeleton_key("Aziz ash Shaykh")
    assert skeleton_key("Hama") != skeleton_key("Homs")
    assert loose_key("Kilis") != loose_key("Kilise")


def test_fold_removes_marks_and_turkish_letters():
    assert fold("I‘zāz") == "izaz"
    assert fold("A'zaz") == "azaz" == fold("A`zaz")
    assert fold("Öncüpınar") == "oncupinar"
    assert fold("Reyhanlı") == "reyhanli"
    assert fold("Cilvegözü Sınır Kapısı") == "cilvegozu sinir kapisi"
    assert fold("  Bab   al-Salameh ") == "bab al salameh"


def test_exact_key_keeps_articles_but_loose_drops_them():
    assert exact_key("Al Bab") != exact_key("Bab")
    assert loose_key("al-Bab") == loose_key("Bab")
    # a name that is only an article stays itself
    assert loose_key("Al") == "al"


def test_type_words_are_canonical_and_strippable():
    assert without_type_words("Bab al-Hawa Border Crossing") == "bab al hawa"
    assert without_type_words("Menagh Air Base") == "menagh"
    assert without_type_words("Menagh") is None
    assert without_type_words("Airport") is None


# -- properties --------------------------------------------------------------------------
#: Shared machines: no per-example deadline.
relaxed = settings(deadline=None, max_examples=150)
latin_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=10)
names = st.lists(latin_word, min_size=1, max_size=4).map(" ".join)
marks = st.sampled_from(["'", "`", "‘", "’", "ʿ", "ʾ"])


@relaxed
@given(st.text(max_size=40))
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@relaxed
@given(st.text(max_size=40))
def test_keys_ignore_case(text):
    assert keys(text.upper()) == keys(text.lower()) or not text.isascii()


@relaxed
@given(names)
def test_keys_are_lower_case_without_spaces_in_loose_and_skeleton(name):
    exact, loose, skel = keys(name)
    assert exact == exact.lower()
    assert " " not in loose and " " not in skel
    # facility-type words (gate, border post -> "crossing") stay whole so that "Bab al-Salameh
    # crossing" and "Bab al-Salameh gate" meet; every other letter run loses its vowels
    consonants = skel
    for word in ("crossing", "airbase", "camp"):
        consonants = consonants.replace(word, "")
    assert not set(consonants) & set("aeiouyw")


@relaxed
@given(names, marks, st.integers(min_value=0, max_value=30))
def test_ayn_and_hamza_marks_do_not_change_keys(name, mark, pos):
    pos = pos % (len(name) + 1)
    marked = name[:pos] + mark + name[pos:]
    assert keys(marked) == keys(name)


@relaxed
@given(names, st.sampled_from(sorted(ARTICLES - {"l", "al'"})), st.sampled_from(["-", " "]))
def test_a_leading_article_does_not_change_loose_or_skeleton(name, article, sep):
    prefixed = f"{article}{sep}{name}"
    assert loose_key(prefixed) == loose_key(name) or name.split()[0] in ARTICLES
    assert skeleton_key(prefixed) == skeleton_key(name) or name.split()[0] in ARTICLES


@relaxed
@given(latin_word, st.sampled_from("bflmnrv"), st.integers(min_value=0, max_value=9))
def test_doubling_a_consonant_does_not_change_loose_or_skeleton(word, letter, pos):
    # consonants outside the digraph rules (kh, sh, dj, th, ph...): "Nubbul" = "Nubul"
    pos = pos % (len(word) + 1)
    single = word[:pos] + letter + word[pos:]
    doubled = word[:pos] + letter + letter + word[pos:]
    # the French silent -e goes after vowel + one n only: "Hraitane" = "Hraitan" != "Hraitanne"
    assume(not (letter == "n" and word[pos:] == "e" and word[:pos][-1:] in ("a", "i", "u", "o")))
    assert loose_key(doubled) == loose_key(single)
    assert skeleton_key(doubled) == skeleton_key(single)


@settings(deadline=None, max_examples=50)
@given(names)
def test_hyphen_and_space_are_the_same(name):
    assert keys(name.replace(" ", "-")) == keys(name)


@relaxed
@given(names)
def test_lookup_keys_are_the_exact_and_loose_keys(name):
    from gazetteer.normalize import lookup_keys

    assert lookup_keys(name) == (exact_key(name), loose_key(name))
    assert lookup_keys(f"al-{name} Air Base") == (exact_key(f"al-{name} Air Base"),
                                                  loose_key(f"al-{name} Air Base"))


def test_lookup_keys_of_arabic_script_have_no_loose_key():
    from gazetteer.normalize import lookup_keys

    assert lookup_keys("حريتان") == (exact_key("حريتان"), "")


def test_arabic_reading_marks_and_alif_wasla_fold_away() -> None:
    # vocalised Arabic (as in encyclopedia leads) against the plain spelling of place lists
    assert exact_key("تَفْتَنَاز") == exact_key("تفتناز")
    assert exact_key("ٱلْحَفَّة") == exact_key("الحفة")
    assert skeleton_key("ٱلْهَوْل") == skeleton_key("الهول") == "hl"
    # alif with hamza or madda is alif (place lists write "أبلين" and "ابلين"), alif maqsura
    # ya; hamza on waw or ya stays a letter of its own
    assert exact_key("أعزاز") == exact_key("اعزاز") == exact_key("ا\u0654عزاز")
    assert exact_key("إدلب") == exact_key("ادلب") and exact_key("آفس") == exact_key("افس")
    assert exact_key("السفلى") == exact_key("السفلي")
    assert exact_key("رؤية") != exact_key("روية")
    # a hamza on the line is written or left out, as Latin marks for it are ("Bayda'")
    assert exact_key("البيضاء") == exact_key("البيضا") and exact_key("Bayda'") == "bayda"
    assert skeleton_key("أتارب") == skeleton_key("اتارب") == "trb"
    # the tatweel stretches a word (headlines, OCHA's "حــلاق"): no letter of it
    assert exact_key("إعـزاز") == exact_key("إعزاز") and exact_key("حــلاق") == exact_key("حلاق")


def test_an_arabic_name_with_its_article_or_without_has_one_loose_key() -> None:
    from gazetteer.normalize import arabic_loose_key

    # as "Atarib" is "Al-Atarib" and "Deir Jamal" "Deir al-Jamal" by their loose keys
    assert arabic_loose_key(exact_key("الأتارب")) == arabic_loose_key(exact_key("أتارب"))
    assert arabic_loose_key(exact_key("دير الجمال")) == arabic_loose_key(exact_key("دير جمال"))
    assert arabic_loose_key(exact_key("حلة")) == arabic_loose_key(exact_key("حله"))
    assert arabic_loose_key(exact_key("الباب")) != arabic_loose_key(exact_key("البابا"))
    assert arabic_loose_key(exact_key("Al Atarib")) == ""


def test_the_arabic_loose_key_writes_a_hamza_as_its_seat_and_kurdish_letters_as_arabic() -> None:
    from gazetteer.normalize import arabic_loose_key

    def loose(name: str) -> str:
        return arabic_loose_key(exact_key(name))

    # a well (بئر) is often written with the bare seat (بير), a final hamza left out
    assert loose("بئر فوقاني") == loose("البير فوقاني") == "بيرفوقاني"
    assert loose("الزهراء") == loose("الزهرا") and loose("مؤنس") == loose("مونس")
    # Kurdish in Arabic script: the vowel ە unwritten, ێ and ی ya, ۆ waw, ک kaf
    assert loose("مەنبج") == loose("منبج") and loose("کۆبانی") == loose("كوباني")
    # the letters themselves still count: no long vowel is dropped
    assert loose("تل عران") != loose("تل عرن") and loose("الباب") != loose("البابا")


def test_article_forms_write_the_article_as_al_and_assimilated() -> None:
    assert article_forms("al rai") == ("al rai", "ar rai", "el rai", "er rai")
    assert article_forms("el shaddadah") == ("al shaddadah", "ash shaddadah", "el shaddadah",
                                             "esh shaddadah")
    assert article_forms("as suwayda") == ("al suwayda", "as suwayda", "el suwayda", "es suwayda")
    assert article_forms("al bab") == ("al bab", "al bab", "el bab", "el bab")  # a moon letter
    assert article_forms("rai") is None and article_forms("al") is None


def test_consonants_keep_what_romanisations_agree_on() -> None:
    # vowels and semivowels go; Turkish and Kurdish p and v are Arabic's b and f
    assert consonants(loose_key("Maarbalit")) == consonants(loose_key("Ma'rablit")) == "mrblt"
    assert consonants(loose_key("Zarablit")) != consonants(loose_key("Ma'rablit"))
    assert consonants(loose_key("Halep")) == consonants(loose_key("Halab")) == "hlb"


def test_a_doubled_letter_does_not_hide_a_word_form() -> None:
    assert loose_key("Till Abyad") == loose_key("Tall Abyad") == loose_key("Til Abyad")
    assert loose_key("Kaffr Nabl") == loose_key("Kafr Nabl")


def test_the_ending_ieh_is_the_ending_iyeh_in_the_loose_key() -> None:
    # French and Levantine spellings leave the ya of -iyya unwritten (Lattaquié, Akrabieh)
    assert loose_key("Qurieh") == loose_key("Quriyeh") == loose_key("al-Quriyah")
    assert loose_key("Akrabieh") == loose_key("Al-Aqrabiyah") == loose_key("Akrabié")
    assert loose_key("Yakoubieh") == loose_key("Al Ya`qubiyah")
    # -ia and -iah often write an ‘ayn (Rabi'a, Nafi'a): they stay apart from -iya
    assert loose_key("Rabia") != loose_key("Rabiya") and loose_key("Nafia") != loose_key("Nafiyah")


def test_the_arabic_defective_key_leaves_out_long_vowels_but_the_ending_iyya() -> None:
    from gazetteer.normalize import arabic_defective_key, arabic_loose_key

    def defective(name: str) -> str:
        return arabic_defective_key(arabic_loose_key(exact_key(name)))

    # one name written with its long vowels and without
    assert defective("تل شميران") == defective("تل شمران")
    assert defective("تل عران") == defective("تل عرن")
    # the ending -iyya is part of the name: al-Aqrabiyah is not Uqayriba
    assert defective("العقربية") != defective("عقيربة")
    assert defective("Tell Aran") == ""


@pytest.mark.parametrize("name, other", [
    ("Ter Maala", "Tir Maala"),      # e read as i where the loose key reads it as a
    ("Saraqeb", "Saraqib"),
    ("al-Resafa", "Risafa"),
    ("Termaaleh", "Tirmaala"),       # the ending -eh stays -a
])
def test_e_as_i_key_reads_e_as_i(name, other) -> None:
    assert e_as_i_key(exact_key(name)) == loose_key(other)


@pytest.mark.parametrize("name", ["Tell Rifaat", "Hreitan", "Kefer Hamra", "Deir Hafir",
                                  "Haritan", "Salameh", "حريتان", "Sheikh Maqsoud"])
def test_e_as_i_key_leaves_words_of_their_own_form_diphthongs_and_endings(name) -> None:
    assert e_as_i_key(exact_key(name)) is None
