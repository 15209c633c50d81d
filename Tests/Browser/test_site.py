#!/usr/bin/env python3
"""The help center end to end in a real browser: headless Chromium driven by selenium against
`helpcenter serve` (site, feedback collector and live reload), with axe-core for accessibility.

    scripts/setup-browser.sh
    .venv-browser/bin/python Tests/Browser/test_site.py HELPCENTER_BINARY

The suite copies content/ to a temporary folder, starts `HELPCENTER_BINARY serve --port 0` on
that copy with a temporary site folder and feedback database, and reads the votes back from
that SQLite database. Standard unittest: the closing line says how many tests ran and whether
they passed.
"""
import json
import os
import pathlib
import queue
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.parse
import urllib.request

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(sys.argv.pop(1) if len(sys.argv) > 1 else ROOT / ".build/debug/helpcenter").resolve()
ARTICLES = {
    "fr": "fr/modifier-identifiants-connexion/",
    "en": "en/change-reset-login-credentials/",
    "de": "de/anmeldedaten-aendern-zuruecksetzen/",
    "es": "es/modificar-restablecer-credenciales/",
}
FR, EN, DE = ARTICLES["fr"], ARTICLES["en"], ARTICLES["de"]
FR_TITLE = "Comment modifier ou réinitialiser mes identifiants de connexion\u202f?"


def axe_core_script():
    """axe-core 4.x: axe-selenium-python's own copy is axe-core 3.1.1 (2018), which fails valid
    pages (autocomplete="off", dequelabs/axe-core#1109); selenium-axe-python, its maintained
    fork, carries a current axe-core that the same Axe class injects."""
    import selenium_axe_python
    return str(pathlib.Path(selenium_axe_python.__file__).parent / "axe-core" / "axe.min.js")


class Preview:
    """`helpcenter serve` on a copy of content/, until stop()."""

    def __init__(self, prepare=None):
        self.folder = pathlib.Path(tempfile.mkdtemp(prefix="helpcenter-browser-"))
        self.content = self.folder / "content"
        shutil.copytree(ROOT / "content", self.content)
        if prepare:
            prepare(self.content)
        self.database = self.folder / "feedback.sqlite"
        self.process = subprocess.Popen(
            [str(BINARY), "serve", "--port", "0", "--content", str(self.content),
             "--output", str(self.folder / "site"), "--feedback-database", str(self.database),
             "--engine-database", str(self.folder / "engine.sqlite")],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
        self.lines = queue.Queue()
        self.output = []
        threading.Thread(target=self._read, daemon=True).start()
        self.url = self.wait_for(r"^serving (http://\S+/)$").group(1)
        self.engine = self.wait_for(r"^account engine \(test mode\): (http://\S+)/ ").group(1)
        self.wait_for(r"^watching ")

    def _read(self):
        for line in self.process.stdout:
            self.output.append(line)
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, pattern, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            match = re.search(pattern, line)
            if match:
                return match
        raise AssertionError(f"serve never printed {pattern!r}:\n{''.join(self.output)}")

    def edit(self, relative, old, new):
        path = self.content / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, (relative, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def votes(self):
        if not self.database.exists():
            return []
        with sqlite3.connect(self.database) as db:
            return db.execute("SELECT article, locale, vote, comment FROM vote ORDER BY id").fetchall()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)


def browser(javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900", "--lang=fr-FR"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def wait(driver, condition, timeout=10):
    return WebDriverWait(driver, timeout).until(condition)


class HelpCenterInABrowser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.preview = Preview()
        cls.base = cls.preview.url
        cls.driver = browser()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.preview.stop()

    def open(self, path, driver=None):
        driver = driver or self.driver
        driver.get(self.base + path)
        wait(driver, lambda d: d.execute_script("return document.readyState") == "complete")

    def console_problems(self):
        """Errors and CSP reports the console printed since the last call."""
        return [m["message"] for m in self.driver.get_log("browser")
                if m["level"] == "SEVERE" or "Content Security Policy" in m["message"]]

    def css(self, selector, driver=None):
        return (driver or self.driver).find_element(By.CSS_SELECTOR, selector)

    # Reading

    def test_seed_article_in_french_and_english(self):
        for locale, title, toc in (("fr", FR_TITLE, "Table des matières"),
                                   ("en", "How do I change or reset my login details?", "Contents")):
            with self.subTest(locale=locale):
                self.open(ARTICLES[locale])
                self.assertEqual(self.css("html").get_attribute("lang"), locale)
                self.assertEqual(self.css("h1").text, title)
                self.assertEqual(self.css("#toc-title").get_attribute("textContent"), toc)
                self.assertGreaterEqual(len(self.driver.find_elements(By.CSS_SELECTOR, "ol.procedure li")), 3)

    def test_seed_article_shows_its_own_screenshot_and_table_on_a_phone_in_every_locale(self):
        self.driver.set_window_size(390, 844)
        try:
            for locale, slug in [("fr", "modifier-identifiants-connexion"), ("en", "change-reset-login-credentials"),
                                 ("de", "anmeldedaten-aendern-zuruecksetzen"), ("es", "modificar-restablecer-credenciales")]:
                self.open(f"{locale}/{slug}/")
                image = self.css("main img[src$='images/access-rights.png']")
                self.driver.execute_script("arguments[0].scrollIntoView()", image)
                wait(self.driver, lambda d: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image))
                self.assertIn(f"/{locale}/images/", image.get_attribute("src"), "the locale's own screenshot")
                self.assertLessEqual(image.size["width"], 390)
                cells = self.driver.find_elements(By.CSS_SELECTOR, "main .table-scroll tbody td")
                self.assertEqual(len(cells), 8, f"{locale}: the rights table, 4 rows of 2 cells")
                self.assertEqual(self.driver.execute_script("return getComputedStyle(arguments[0]).textAlign", cells[0]), "left")
                self.assertLessEqual(
                    self.driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth"), 0,
                    f"{locale}: the page itself does not scroll sideways")
        finally:
            self.driver.set_window_size(1280, 900)

    def test_table_of_contents_link_goes_to_its_section(self):
        self.open(FR)
        link = self.driver.find_element(By.LINK_TEXT, "Comment réinitialiser votre mot de passe")
        link.click()
        wait(self.driver, lambda d: d.current_url.endswith("#reset-password"))
        heading = self.css("#reset-password")
        top = self.driver.execute_script("return arguments[0].getBoundingClientRect().top", heading)
        self.assertLess(abs(top), 200, "the section's heading is scrolled to the top of the window")

    def test_language_switcher_goes_to_the_same_article(self):
        self.open(FR)
        self.css(".language-switcher a[hreflang=de]").click()
        wait(self.driver, lambda d: DE in d.current_url)
        self.assertEqual(self.css("html").get_attribute("lang"), "de")
        self.css(".language-switcher a[hreflang=en]").click()
        wait(self.driver, lambda d: EN in d.current_url)
        self.assertEqual(self.css("html").get_attribute("lang"), "en")

    def test_relative_date_is_in_the_page_language(self):
        expected = {FR: "Mis à jour", EN: "Updated", DE: "Aktualisiert"}
        foreign = {FR: ("ago", "week", "day", "Updated"), EN: ("il y a", "semaine", "Mis à jour"),
                   DE: ("ago", "week", "il y a")}
        for page in (FR, EN, DE):
            with self.subTest(page=page):
                self.open(page)
                time_element = self.css("time[data-relative]")
                absolute = time_element.get_attribute("title")
                self.assertTrue(absolute, "the absolute date stays as a tooltip")
                self.assertNotEqual(time_element.text, absolute, "the date was made relative")
                line = self.css("p.updated").text
                self.assertTrue(line.startswith(expected[page]), line)
                for word in foreign[page]:
                    self.assertNotIn(word, line)
        self.open(FR)
        self.assertRegex(self.css("p.updated").text,
                         r"^Mis à jour (hier|aujourd’hui|la semaine dernière|il y a \d+ (jours|semaines|mois|ans)|"
                         r"le mois dernier|l’année dernière)$")

    def test_search_reinitialiser_lands_on_the_article(self):
        self.open("fr/")
        box = self.css("#site-search")
        box.send_keys("reinitialiser")
        box.submit()
        results = wait(self.driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".search-results li a"))
        self.assertIn("fr/search/?q=reinitialiser", self.driver.current_url)
        # The help center has other articles on resetting (a locked account, the password
        # rules): the seed article, whose title says it, comes first.
        self.assertRegex(self.css(".search-status").text, r"^(1 article trouvé|\d+ articles trouvés)$")
        self.assertEqual(results[0].text, FR_TITLE)
        results[0].click()
        wait(self.driver, lambda d: d.current_url.endswith(FR))
        self.assertEqual(self.css("h1").text, FR_TITLE)
        self.open("fr/search/?q=zzzzqqq")
        status = wait(self.driver, lambda d: d.find_element(By.CSS_SELECTOR, ".search-status").text)
        self.assertEqual(status, "Aucun article ne correspond à votre recherche.")

    # Security and accessibility

    def test_no_csp_violation_or_error_in_the_console(self):
        self.driver.get_log("browser")
        pages = ["", "_serve/feedback"]
        for locale, article in ARTICLES.items():
            pages += [f"{locale}/", article, f"{locale}/search/?q=mot", f"{locale}/category/account/", f"{locale}/404.html"]
        for page in pages:
            with self.subTest(page=page):
                self.open(page)
                self.assertEqual(self.console_problems(), [])

    def test_console_check_sees_an_inline_script_refused_by_the_csp(self):
        """The check above can fail: a script written into the page is refused by the page's
        CSP, and the refusal reaches the console log the check reads."""
        self.open(FR)
        self.console_problems()
        self.driver.execute_script(
            "const script = document.createElement('script');"
            "script.textContent = 'window.inlineScriptRan = true';"
            "document.body.append(script)")
        seen = []
        wait(self.driver, lambda d: seen.extend(self.console_problems()) or seen)
        self.assertTrue(any("Content Security Policy" in message for message in seen), seen)
        self.assertIsNone(self.driver.execute_script("return window.inlineScriptRan"))

    def serious_axe_violations(self):
        """axe-core's serious and critical violations on the open page, and its report."""
        axe = Axe(self.driver, script_url=axe_core_script())
        axe.inject()
        results = axe.run()
        self.assertTrue(results["passes"], "axe ran its rules")
        serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
        return serious, axe.report(serious)

    def test_axe_finds_nothing_serious_on_home_article_and_search_in_every_locale(self):
        pages = [""]
        for locale, article in ARTICLES.items():
            pages += [f"{locale}/", article, f"{locale}/search/?q=mot"]
        for page in pages:
            with self.subTest(page=page):
                self.open(page)
                serious, report = self.serious_axe_violations()
                self.assertEqual(serious, [], report)

    def test_axe_check_finds_a_field_without_a_label(self):
        """The check above can fail: a text field with no label is a critical violation."""
        self.open(FR)
        self.driver.execute_script("document.querySelector('main').append(document.createElement('input'))")
        serious, _ = self.serious_axe_violations()
        self.assertIn("label", [violation["id"] for violation in serious])

    # Feedback

    # The reference engine, as a reader's browser meets it

    def test_a_browser_signs_in_to_the_engine_through_its_form(self):
        # Chromium sends `Origin: null` with same-origin forms under the engine's
        # `Referrer-Policy: no-referrer`; the cross-site rule must go by Sec-Fetch-Site.
        body = json.dumps({"users": [{"username": "camille", "name": "Camille Martin",
                                      "email": "camille@example.com", "password": "Browser-Password-2026",
                                      "admin": True}]}).encode()
        request = urllib.request.Request(f"{self.preview.engine}/_test/accounts", data=body, method="POST",
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request) as answer:
            self.assertEqual(answer.status, 201)
        driver = browser()
        try:
            driver.get(f"{self.preview.engine}/fr/sign-in")
            driver.find_element(By.NAME, "username").send_keys("camille")
            driver.find_element(By.NAME, "password").send_keys("Browser-Password-2026")
            driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
            wait(driver, lambda d: "/sign-in" not in d.current_url)
            self.assertIn("Camille Martin", driver.page_source)
            self.assertNotIn("Demande refusée", driver.page_source)
        finally:
            driver.quit()

    def test_vote_with_script_thanks_offers_a_comment_and_stores_both(self):
        before = len(self.preview.votes())
        self.open(FR)
        self.css("form.feedback button[value=yes]").click()
        status = wait(self.driver, lambda d: d.find_element(By.CSS_SELECTOR, ".feedback-status").text)
        self.assertEqual(status, "Merci pour votre avis\u202f!")
        self.assertEqual(self.driver.current_url, self.base + FR, "no navigation: fetch")
        comment = self.css("#feedback-comment")
        self.assertTrue(comment.is_displayed())
        self.assertEqual(self.preview.votes()[before:], [("login-credentials", "fr", "yes", None)])
        comment.send_keys("Très clair")
        self.css(".feedback-comment button").click()
        wait(self.driver, lambda d: len(self.preview.votes()) == before + 2)
        self.assertEqual(self.preview.votes()[-1], ("login-credentials", "fr", "comment", "Très clair"))
        wait(self.driver, lambda d: not d.find_element(By.ID, "feedback-comment").is_displayed())

    def test_vote_without_script_posts_the_form_and_comes_back_thanked(self):
        before = len(self.preview.votes())
        driver = browser(javascript=False)
        try:
            self.open(EN, driver)
            self.assertEqual(self.css("time[data-relative]", driver).text, "November 18, 2026",
                             "without script the absolute date stays")
            self.assertFalse(self.css("#feedback-thanks", driver).is_displayed())
            self.css("form.feedback button[value=no]", driver).click()
            wait(driver, lambda d: d.current_url == self.base + EN + "#feedback-unhelpful")
            self.assertEqual(self.css("#feedback-unhelpful", driver).text, "Thank you for your feedback!")
            self.assertTrue(self.css("#feedback-unhelpful", driver).is_displayed())
            self.assertFalse(self.css("form.feedback button[value=no]", driver).is_displayed(), "the vote is done")
            self.assertEqual(self.preview.votes()[before:], [("login-credentials", "en", "no", None)])
            comment = "<script>alert('x')</script> =SUM(A1)"
            self.css("#feedback-comment", driver).send_keys(comment)
            self.css(".feedback-comment button", driver).click()
            wait(driver, lambda d: d.current_url == self.base + EN + "#feedback-sent")
            self.assertTrue(self.css("#feedback-sent", driver).is_displayed())
            self.assertFalse(self.css("#feedback-comment", driver).is_displayed())
            self.assertEqual(self.preview.votes()[-1], ("login-credentials", "en", "comment", comment))
            # The report shows the comment as text: no script runs, nothing is reflected as markup.
            self.open("_serve/feedback", driver)
            self.assertIn(comment, self.css("main", driver).text)
            self.assertEqual(driver.find_elements(By.XPATH, "//main//script"), [])
        finally:
            driver.quit()

    # Preview

    def test_open_page_reloads_after_an_edit_and_shows_build_errors(self):
        self.open(FR)
        self.driver.execute_script("window.notReloaded = true")
        self.preview.edit("fr/modifier-identifiants-connexion.md", "title: Comment modifier", "title: Comment changer")
        wait(self.driver, lambda d: d.find_element(By.TAG_NAME, "h1").text.startswith("Comment changer"), 20)
        self.assertIsNone(self.driver.execute_script("return window.notReloaded"), "the page was reloaded")
        self.preview.edit("fr/modifier-identifiants-connexion.md", "Pour modifier vos", "[Lien](absent.md). Pour modifier vos")
        banner = wait(self.driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".helpcenter-preview-errors"), 20)[0]
        self.assertIn("modifier-identifiants-connexion.md:", banner.text)
        self.assertIn("absent.md", banner.text)
        self.assertEqual(self.css("h1").text.split(" ")[1], "changer", "the last site that built stays")
        self.preview.edit("fr/modifier-identifiants-connexion.md", "[Lien](absent.md). ", "")
        self.preview.edit("fr/modifier-identifiants-connexion.md", "title: Comment changer", "title: Comment modifier")
        wait(self.driver, lambda d: not d.find_elements(By.CSS_SELECTOR, ".helpcenter-preview-errors")
             and d.find_element(By.TAG_NAME, "h1").text == FR_TITLE, 20)


WIDE_TABLE = """---
id: tableau
title: Les droits par rôle
updated: 2026-11-18
category: users
version: 1
---

Chaque rôle donne ces droits :

| Rôle | Réservations | Tarifs et disponibilités | Factures et relevés | Avis des clients | Utilisateurs et droits |
|---|:-:|:-:|:-:|:-:|:-:|
| Administrateur | oui | oui | oui | oui | oui |
| Réceptionniste | oui | non | non | oui | non |
"""

BRAND = """
brand:
  support:
    fr: {text: "Écrire à l'assistance", url: "mailto:aide@example.com"}
    en: {text: Email support, url: "mailto:help@example.com"}
    de: {text: Support schreiben, url: "mailto:hilfe@example.com"}
    es: {text: Escribir al soporte, url: "mailto:ayuda@example.com"}
"""


def wide_png(width, height):
    """A plain PNG of that size (a screenshot wider than a phone), written with the standard library."""
    import struct, zlib
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + b"\x30\x60\xa0" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def with_table_and_support(content):
    (content / "fr" / "images").mkdir(exist_ok=True)
    (content / "fr" / "images" / "large.png").write_bytes(wide_png(900, 300))
    (content / "fr" / "tableau.md").write_text(
        WIDE_TABLE + "\n![Une capture d'écran plus large qu'un téléphone](images/large.png)\n", encoding="utf-8")
    with open(content / "helpcenter.yml", "a", encoding="utf-8") as settings:
        settings.write(BRAND)
    # The seed article's former address (its slug was changed once).
    seed = content / "fr" / "modifier-identifiants-connexion.md"
    seed.write_text(seed.read_text(encoding="utf-8").replace("\nversion: 1\n", "\nversion: 1\naliases: [identifiants]\n", 1),
                    encoding="utf-8")


class OwnPreviewTestCase(unittest.TestCase):
    """A suite on a preview of its own, of the content `prepare` (a class attribute) makes."""

    prepare = None

    @classmethod
    def setUpClass(cls):
        cls.preview = Preview(prepare=cls.prepare)
        cls.base = cls.preview.url
        cls.driver = browser()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.preview.stop()


class TablesAndBrandInABrowser(OwnPreviewTestCase):
    """A help center with a wide table and a brand support contact (its own preview)."""

    prepare = staticmethod(with_table_and_support)

    def open(self, path):
        self.driver.get(self.base + path)
        wait(self.driver, lambda d: d.execute_script("return document.readyState") == "complete")

    def test_wide_table_scrolls_in_its_box_on_a_phone(self):
        self.driver.set_window_size(390, 844)
        try:
            self.open("fr/tableau/")
            box = self.driver.find_element(By.CSS_SELECTOR, ".table-scroll")
            self.assertGreater(self.driver.execute_script("return arguments[0].scrollWidth - arguments[0].clientWidth", box), 0,
                               "the table is wider than its box, which scrolls")
            self.assertLessEqual(self.driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth"), 0,
                                 "the page itself does not scroll sideways")
            self.assertEqual(len(self.driver.find_elements(By.CSS_SELECTOR, ".table-scroll th[scope=col]")), 6)
        finally:
            self.driver.set_window_size(1280, 900)

    def test_an_old_address_lands_on_the_article_with_and_without_script(self):
        for driver in (self.driver, browser(javascript=False)):
            try:
                driver.get(self.base + "fr/identifiants/")
                wait(driver, lambda d: d.current_url.endswith("/fr/modifier-identifiants-connexion/"))
                self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text,
                                 "Comment modifier ou réinitialiser mes identifiants de connexion\u202f?")
            finally:
                if driver is not self.driver:
                    driver.quit()

    def test_screenshot_fits_a_phone(self):
        self.driver.set_window_size(390, 844)
        try:
            self.open("fr/tableau/")
            image = self.driver.find_element(By.CSS_SELECTOR, "main img")
            self.assertTrue(self.driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth === 900", image))
            self.assertLessEqual(self.driver.execute_script("return arguments[0].getBoundingClientRect().right", image),
                                 self.driver.execute_script("return window.innerWidth"), "the screenshot fits the window")
            self.assertLessEqual(self.driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth"), 0,
                                 "the page itself does not scroll sideways")
            link = self.driver.find_element(By.CSS_SELECTOR, "a.image-link")
            self.assertTrue(link.get_attribute("href").endswith("/fr/images/large.png"), "the full-size image is a plain link")
        finally:
            self.driver.set_window_size(1280, 900)

    def test_no_vote_offers_the_support_contact(self):
        self.open(FR)
        support = self.driver.find_element(By.CSS_SELECTOR, ".feedback-support")
        self.assertFalse(support.is_displayed(), "hidden before a vote")
        self.driver.find_element(By.CSS_SELECTOR, "form.feedback button[value=no]").click()
        wait(self.driver, lambda d: d.find_element(By.CSS_SELECTOR, ".feedback-support").is_displayed())
        link = self.driver.find_element(By.CSS_SELECTOR, ".feedback-support a")
        self.assertEqual(link.get_attribute("href"), "mailto:aide@example.com")

    def test_no_vote_without_script_offers_the_support_contact(self):
        driver = browser(javascript=False)
        try:
            driver.get(self.base + FR)
            support = driver.find_element(By.CSS_SELECTOR, ".feedback-support")
            self.assertFalse(support.is_displayed(), "hidden before a vote")
            driver.find_element(By.CSS_SELECTOR, "form.feedback button[value=no]").click()
            wait(driver, lambda d: d.current_url.endswith("#feedback-unhelpful"))
            self.assertTrue(driver.find_element(By.CSS_SELECTOR, ".feedback-support").is_displayed(),
                            "the support contact shows at #feedback-unhelpful, without script")
            self.assertTrue(driver.find_element(By.ID, "feedback-comment").is_displayed(), "and the comment box")
        finally:
            driver.quit()


SEARCH_ARTICLES = {
    "exporter.md": """---
id: exporter
title: Exporter les factures
updated: 2026-11-20
category: account
version: 1
---

Les factures de chaque mois se téléchargent en un fichier.
""",
    "autre.md": """---
id: autre
title: Autre sujet
updated: 2026-11-21
category: account
version: 1
---

Vous pouvez aussi exporter les factures depuis la page Finances, si vous en avez le droit, et exporter les factures de l'année.
""",
    "affichage.md": """---
id: affichage
title: Personnaliser l'extranet
updated: 2026-11-19
category: account
version: 1
---

Quelques réglages de l'extranet.

## Choisir la langue

Le menu des langues est en haut de la page.

## Changer le thème

1. Cliquez sur **Préférences d'affichage**.
""",
    "mention.md": """---
id: mention
title: Nouveautés de novembre
updated: 2026-11-22
category: account
version: 1
---

Les préférences d'affichage ont changé de place ce mois-ci.
""",
    "hostile.md": """---
id: hostile
title: '<img src=x onerror=alert(1)> Sécurité du compte'
updated: 2026-11-18
category: account
version: 1
---

Conseils de sécurité <script>alert(2)</script> pour votre compte.
""",
}


def with_search_corpus(content):
    for name, text in SEARCH_ARTICLES.items():
        (content / "fr" / name).write_text(text, encoding="utf-8")


class SearchInABrowser(OwnPreviewTestCase):
    """Search on a small fixed corpus beside the seed article (its own preview)."""

    prepare = staticmethod(with_search_corpus)

    def results(self, url, driver=None):
        driver = driver or self.driver
        driver.get(url)
        wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, ".search-status").text)
        return driver.find_elements(By.CSS_SELECTOR, ".search-results li")

    def titles(self, path):
        return [li.find_element(By.CSS_SELECTOR, "h2 a").text for li in self.results(self.base + path)]

    def test_a_title_beats_the_body(self):
        self.assertEqual(self.titles("fr/search/?q=exporter+factures")[:2], ["Exporter les factures", "Autre sujet"])

    def test_a_ui_label_brings_its_procedure_first_and_the_link_opens_its_section(self):
        results = self.results(self.base + "fr/search/?q=Pr%C3%A9f%C3%A9rences+d%27affichage")
        link = results[0].find_element(By.CSS_SELECTOR, "h2 a")
        self.assertEqual(link.text, "Personnaliser l'extranet")
        self.assertTrue(link.get_attribute("href").endswith("/fr/affichage/#changer-le-theme"), link.get_attribute("href"))
        self.assertEqual(results[0].find_element(By.CSS_SELECTOR, ".search-section").text, "Changer le thème")
        marks = [m.text for m in results[0].find_elements(By.CSS_SELECTOR, ".search-excerpt mark")]
        self.assertIn("Préférences", marks)
        link.click()
        wait(self.driver, lambda d: d.current_url.endswith("#changer-le-theme"))

    def test_a_search_that_finds_nothing_reaches_the_collector_once_with_words_and_locale_only(self):
        self.driver.get(self.base + "fr/search/")
        self.driver.get_log("browser")
        box = wait(self.driver, lambda d: d.find_element(By.CSS_SELECTOR, "#search-query"))
        box.send_keys("Zorglub  Introuvable")
        wait(self.driver, lambda d: "Aucun article" in d.find_element(By.CSS_SELECTOR, ".search-status").text)

        def misses():
            with sqlite3.connect(self.preview.database) as db:
                try:
                    return db.execute("SELECT * FROM search_miss").fetchall()
                except sqlite3.OperationalError:
                    return []
        rows = wait(self.driver, lambda d: misses(), timeout=15)
        self.assertEqual([row[1:3] for row in rows], [("fr", "zorglub introuvable")])
        columns = [c[1] for c in sqlite3.connect(self.preview.database).execute("PRAGMA table_info(search_miss)")]
        self.assertEqual(columns, ["id", "locale", "query", "created_at"], "nothing that identifies the reader")
        box.send_keys(" ")  # the same query again: not sent twice
        time.sleep(3)
        self.assertEqual(len(misses()), 1)
        report = subprocess.run(
            [BINARY, "feedback", "report", "--searches", "--format", "csv", "--database", str(self.preview.database)],
            capture_output=True, text=True, check=True)
        self.assertIn("fr,zorglub introuvable,1,", report.stdout)
        problems = [m["message"] for m in self.driver.get_log("browser")
                    if m["level"] == "SEVERE" or "Content Security Policy" in m["message"]]
        self.assertEqual(problems, [], "the report is sent under the CSP, without an error")

    def test_other_forms_of_a_word_a_prefix_and_a_typo_find_the_article(self):
        for query in ["réinitialisation", "reinit", "identifiant", "modifer"]:
            with self.subTest(query=query):
                self.assertIn(FR_TITLE, self.titles("fr/search/?q=" + urllib.parse.quote(query)))

    def test_every_locale_finds_its_seed_article_by_another_form_of_a_word(self):
        for locale, query, title in [
            ("en", "passwords", "How do I change or reset my login details?"),
            ("de", "Passwörter", "Wie kann ich meine Anmeldedaten ändern oder zurücksetzen?"),
            ("es", "contraseñas", "¿Cómo puedo modificar o restablecer mis datos de acceso?"),
            ("fr", "réinitialisation", FR_TITLE),
        ]:
            with self.subTest(locale=locale):
                self.assertEqual(self.titles(f"{locale}/search/?q=" + urllib.parse.quote(query))[0], title)

    def test_nothing_found_says_so_and_suggests_the_nearest_word(self):
        self.results(self.base + "fr/search/?q=factrues")  # a transposition: found as a typo
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, ".search-results li"))
        self.results(self.base + "fr/search/?q=fxcturxs")  # two typos in eight letters: too many
        status = self.driver.find_element(By.CSS_SELECTOR, ".search-status")
        self.assertIn("Aucun article ne correspond à votre recherche.", status.text)
        suggestion = status.find_element(By.CSS_SELECTOR, "a")
        self.assertEqual(suggestion.text, "factures")

    def test_a_hostile_title_and_text_are_shown_as_text(self):
        results = self.results(self.base + "fr/search/?q=securite")
        self.assertTrue(results)
        self.assertIn("<img src=x onerror=alert(1)> Sécurité du compte", [r.find_element(By.CSS_SELECTOR, "h2 a").text for r in results])
        self.assertFalse(self.driver.find_elements(By.CSS_SELECTOR, ".search-results img, .search-results script"))

    def test_search_works_from_file_urls(self):
        page = (self.preview.folder / "site" / "fr" / "search" / "index.html").as_uri()
        titles = [li.find_element(By.CSS_SELECTOR, "h2 a").text for li in self.results(page + "?q=exporter")]
        self.assertEqual(titles[0], "Exporter les factures")


if __name__ == "__main__":
    unittest.main(verbosity=2)
