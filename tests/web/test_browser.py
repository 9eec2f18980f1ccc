"""The pages in a real headless Chromium: Debian's chromium and chromium-driver, driven by Selenium with
their paths (no browser is downloaded). CI sets ELITEWATCH_REQUIRE_BROWSER=1, so there a missing browser
fails instead of skipping."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from elitewatch.web.app import create_app
from tests.web.live import serving

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("ELITEWATCH_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("ELITEWATCH_CHROMEDRIVER", "/usr/bin/chromedriver"))


def _need_browser() -> None:
    if CHROMIUM.exists() and CHROMEDRIVER.exists():
        return
    reason = f"{CHROMIUM} or {CHROMEDRIVER} is absent: install Debian's chromium and chromium-driver"
    if os.environ.get("ELITEWATCH_REQUIRE_BROWSER"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def server(seeds_store: Path) -> Iterator[str]:
    with serving(create_app(seeds_store)) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    _need_browser()
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not look for a browser online
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # the console, where CSP reports go
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def test_person_page_timeline_and_a_quote_followed_to_its_sentence(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/person?name=Tasmagambetov")
    assert "Imangali Tasmagambetov" in browser.find_element(By.TAG_NAME, "h1").text
    bars = browser.find_elements(By.CSS_SELECTOR, "svg.timeline rect.bar")
    labels = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "svg.timeline text.bar-label")]
    assert bars and any("Secretary General" in label for label in labels)
    assert all(b.size["width"] > 0 for b in bars)
    quote = browser.find_element(By.CSS_SELECTOR, "#quotes a.quote-text")
    words = quote.text.strip("“”")[:40]
    quote.click()
    assert "/document/" in browser.current_url and "#q" in browser.current_url
    mark = browser.find_element(By.ID, browser.current_url.split("#", 1)[1])
    assert words[:30] in mark.text
    top = browser.execute_script("return arguments[0].getBoundingClientRect().top;", mark)
    assert -2 <= top < browser.execute_script("return window.innerHeight;")  # scrolled to the sentence


def test_a_career_bar_leads_to_its_sentence_highlighted(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/person?name=Tasmagambetov")
    link = browser.find_element(By.CSS_SELECTOR, "svg.timeline a.bar-link")
    href = browser.execute_script("return arguments[0].getAttribute('href');", link) or ""
    assert href.startswith("/document/") and href.endswith("#hl")
    browser.get(server + href)
    highlighted = browser.find_element(By.ID, "hl")
    assert highlighted.text.strip() and highlighted.is_displayed()


def test_the_waits_page_puts_the_two_ambassadors_side_by_side(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/intervals?from_type=appointment&to_type=credentials&role=ambassador")
    rows = [row.text for row in browser.find_elements(By.CSS_SELECTOR, "table.intervals tbody tr")]
    assert len(rows) == 2
    assert "Kosherbayev" in rows[0] and "7 days" in rows[0]
    assert "Abayev" in rows[1] and "154 days" in rows[1] and "5 months and 1 day" in rows[1]
    dots = browser.find_elements(By.CSS_SELECTOR, "svg.waits circle.wait")
    assert len(dots) == 2 and all(dot.size["width"] > 0 for dot in dots)
    dots[1].click()  # the later, longer wait leads to the sentence of the credentials
    assert "/document/" in browser.current_url
    assert "credentials" in browser.find_element(By.ID, "hl").text


def test_the_network_of_april_2019_links_its_people_and_their_meetings(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/network?from=2019-04&to=2019-04")
    labels = {e.text for e in browser.find_elements(By.CSS_SELECTOR, "svg.network text.node-label")}
    assert {"Kassym-Jomart Tokayev", "Vladimir Putin"} <= labels
    edge = browser.find_element(By.CSS_SELECTOR, "svg.network a.edge-link")
    anchor = (browser.execute_script("return arguments[0].getAttribute('href');", edge) or "").lstrip("#")
    listed = browser.find_element(By.ID, anchor)
    assert "Tokayev" in listed.text and "2019-04" in listed.text
    listed.find_element(By.CSS_SELECTOR, "a.source").click()
    assert "/document/" in browser.current_url and browser.find_element(By.ID, "hl").text.strip()
    browser.get(f"{server}/network?from=2019-04&to=2019-04")
    node = browser.find_element(By.CSS_SELECTOR, "svg.network a.node-link")
    href = browser.execute_script("return arguments[0].getAttribute('href');", node) or ""
    assert href.startswith("/entity/")
    browser.get(server + href)
    assert browser.find_element(By.TAG_NAME, "h1").text.split(" ")[0] in {"Kassym-Jomart", "Vladimir"}


def test_every_document_is_reachable_from_the_home_page(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    browser.find_element(By.CSS_SELECTOR, 'p.lead a[href="/documents"]').click()
    rows = browser.find_elements(By.CSS_SELECTOR, "table.index tbody tr")
    assert len(rows) == 5  # the five seeds
    browser.find_element(By.PARTIAL_LINK_TEXT, "published").click()  # sorted the other way
    assert "desc=false" in browser.current_url
    rows[0] = browser.find_element(By.CSS_SELECTOR, "table.index tbody tr a")
    rows[0].click()
    assert "/document/" in browser.current_url and browser.find_element(By.TAG_NAME, "h1").text


def test_an_analyst_corrects_a_speaker_on_the_document_page_and_it_sticks(
    tmp_path: Path, browser  # type: ignore[no-untyped-def]
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    from typer.testing import CliRunner

    from elitewatch.cli import app
    from tests.store.test_corrections import TEXT, ingest

    folder = tmp_path / "texts"
    folder.mkdir()
    db = tmp_path / "corrections.db"
    ingest(folder, db, TEXT)
    with serving(create_app(db, token="s3cret")) as base:
        browser.get(f"{base}/document/talks")
        quote = browser.find_element(By.CSS_SELECTOR, "ul.quotes li")
        assert "Vladimir Putin" in quote.text
        quote.find_element(By.TAG_NAME, "summary").click()
        form = quote.find_element(By.TAG_NAME, "form")
        form.find_element(By.NAME, "speaker").send_keys("Kassym-Jomart Tokayev")
        form.find_element(By.NAME, "who").send_keys("ana")
        form.find_element(By.NAME, "why").send_keys("the attribution names Tokayev")
        form.find_element(By.NAME, "token").send_keys("s3cret")
        form.find_element(By.CSS_SELECTOR, 'button[value="correct"]').click()
        # the form posts, and the answer's redirect loads the page again: wait for it, not a fixed time
        WebDriverWait(browser, 10).until(lambda b: "#hl" in b.current_url)
        assert "/document/talks" in browser.current_url
        quote = browser.find_element(By.CSS_SELECTOR, "ul.quotes li")
        assert "Kassym-Jomart Tokayev" in quote.text and "corrected" in quote.text
        assert "the attribution names Tokayev" in browser.find_element(By.CSS_SELECTOR, "ul.corrections").text
    ingest(folder, db, "A line added on top.\n\n" + TEXT)  # the document changes and is read again
    assert CliRunner().invoke(app, ["quotes", "--db", str(db)]).output.startswith("Kassym-Jomart Tokayev")


def test_pages_work_under_the_content_security_policy(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get_log("browser")  # forget what earlier tests logged
    for path in [
        "/",
        "/person?name=Tasmagambetov",
        "/quotes",
        "/events",
        "/compare?a=Tokayev&b=Tasmagambetov",
        "/intervals",
        "/network",
        "/documents",
        "/entities",
        "/docs",
    ]:
        browser.get(server + path)
        assert browser.find_element(By.TAG_NAME, "h1").text
        # the stylesheet applied: the header is laid out as a flex row, as style.css says
        assert browser.find_element(By.TAG_NAME, "header").value_of_css_property("display") == "flex", path
    refused = [
        entry["message"] for entry in browser.get_log("browser") if "Content Security Policy" in entry["message"]
    ]
    assert not refused
