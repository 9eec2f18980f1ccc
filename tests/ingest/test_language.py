from elitewatch.ingest import detect_language
from elitewatch.nlp import split_blocks


def test_detects_english_russian_and_kazakh() -> None:
    assert detect_language("Kazakh President Kassym-Jomart Tokayev met Vladimir Putin.") == "en"
    assert detect_language("Президент Казахстана встретился с президентом России.") == "ru"
    assert detect_language("Қазақстан Республикасының Президенті Қасым-Жомарт Тоқаев мәлімдеме жасады.") == "kk"


def test_mixed_document_is_cut_into_language_blocks() -> None:
    text = "An English paragraph about Astana.\n\nГенсек ОДКБ Имангали Тасмагамбетов. Минск.\n\nBack to English."
    blocks = split_blocks(text)
    assert [b.language for b in blocks] == ["en", "ru", "en"]
    assert text[blocks[1].start : blocks[1].end].startswith("Генсек")
