#!/usr/bin/env python3
"""What a browser shows of the generated site: headless Chromium through selenium.

    scripts/setup-browser.sh
    .venv-browser/bin/python Tests/Browser/test_site.py SITE_DIR

SITE_DIR must hold a site built from the repository's content (`helpcenter build`). The site is
served on a loopback port by a small HTTP server that also records feedback POSTs at
/feedback, as the future collector will. Standard unittest: the closing line says how many
tests ran and whether they passed.
"""
import http.server
import json
import pathlib
import sys
import threading
import unittest
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

SITE = pathlib.Path(sys.argv.pop(1) if len(sys.argv) > 1 else "site").resolve()
FR = "fr/modifier-identifiants-connexion/"
EN = "en/change-reset-login-credentials/"
DE = "de/anmeldedaten-aendern-zuruecksetzen/"


class SiteServer(http.server.ThreadingHTTPServer):
    """Serves SITE and records POST /feedback bodies."""

    def __init__(self):
        self.posts = []
        super().__init__(("127.0.0.1", 0), self.Handler)

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(SITE), **kwargs)

        def log_message(self, *args):
            pass

        def do_POST(self):
            length = int(self.headers.get("Content-Length", 0))
            fields = urllib.parse.parse_qs(self.rfile.read(length).decode())
            self.server.posts.append({k: v[0] for k, v in fields.items()})
            self.send_response(204)
            self.end_headers()


def browser(javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


class BrowserTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = SiteServer()
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.base = f"http://127.0.0.1:{cls.server.server_address[1]}/"
        cls.driver = browser()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.shutdown()

    def open(self, path):
        self.driver.get_log("browser")  # drop messages of earlier pages
        self.driver.get(self.base + path)
        WebDriverWait(self.driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")

    def severe_console_messages(self):
        return [m["message"] for m in self.driver.get_log("browser") if m["level"] == "SEVERE"]

    def updated_line(self):
        return self.driver.find_element(By.CSS_SELECTOR, "p.updated").text

    def test_relative_date_is_in_the_page_language(self):
        expected_words = {FR: ("Mis à jour",), EN: ("Updated",), DE: ("Aktualisiert",)}
        foreign = {FR: ("ago", "week", "day", "Updated"), EN: ("il y a", "semaine", "Mis à jour"),
                   DE: ("ago", "week", "il y a")}
        for page in (FR, EN, DE):
            with self.subTest(page=page):
                self.open(page)
                time = self.driver.find_element(By.CSS_SELECTOR, "time[data-relative]")
                absolute = time.get_attribute("title")
                self.assertTrue(absolute, "the absolute date stays as a tooltip")
                self.assertNotEqual(time.text, absolute, "the date was made relative")
                line = self.updated_line()
                self.assertTrue(line.startswith(expected_words[page]), line)
                for word in foreign[page]:
                    self.assertNotIn(word, line)

    def test_no_console_errors_so_the_csp_holds(self):
        for page in ("", "fr/", FR, EN, "fr/search/?q=mot", "fr/404.html"):
            with self.subTest(page=page):
                self.open(page)
                self.assertEqual(self.severe_console_messages(), [])

    def test_search_ignores_accents_and_case(self):
        self.open("fr/search/?q=REINITIALISER")
        results = WebDriverWait(self.driver, 10).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, ".search-results li a"))
        titles = [r.text for r in results]
        self.assertIn("Comment modifier ou réinitialiser mes identifiants de connexion\u202f?", titles)
        status = self.driver.find_element(By.CSS_SELECTOR, ".search-status").text
        self.assertEqual(status, "1 article trouvé")
        self.open("fr/search/?q=zzzzqqq")
        status = WebDriverWait(self.driver, 10).until(
            lambda d: d.find_element(By.CSS_SELECTOR, ".search-status").text)
        self.assertEqual(status, "Aucun article ne correspond à votre recherche.")

    def test_feedback_with_script_thanks_and_offers_a_comment(self):
        self.server.posts.clear()
        self.open(FR)
        self.driver.find_element(By.CSS_SELECTOR, "form.feedback button[value=yes]").click()
        status = WebDriverWait(self.driver, 10).until(
            lambda d: d.find_element(By.CSS_SELECTOR, ".feedback-status").text)
        self.assertEqual(status, "Merci pour votre avis\u202f!")
        self.assertTrue(self.driver.find_element(By.ID, "feedback-comment").is_displayed())
        self.assertEqual(self.server.posts[-1], {"article": "login-credentials", "locale": "fr", "vote": "yes"})
        self.driver.find_element(By.ID, "feedback-comment").send_keys("Très clair")
        self.driver.find_element(By.CSS_SELECTOR, ".feedback-comment button").click()
        WebDriverWait(self.driver, 10).until(lambda d: len(self.server.posts) == 2)
        self.assertEqual(self.server.posts[-1].get("comment"), "Très clair")

    def test_feedback_without_script_posts_the_form(self):
        self.server.posts.clear()
        driver = browser(javascript=False)
        try:
            driver.get(self.base + EN)
            time = driver.find_element(By.CSS_SELECTOR, "time[data-relative]")
            self.assertEqual(time.text, "November 18, 2026", "without script the absolute date stays")
            driver.find_element(By.CSS_SELECTOR, "form.feedback button[value=no]").click()
            WebDriverWait(driver, 10).until(lambda d: self.server.posts)
            self.assertEqual(self.server.posts[-1], {"article": "login-credentials", "locale": "en", "vote": "no"})
        finally:
            driver.quit()

    def test_language_switcher_goes_to_the_same_article(self):
        self.open(FR)
        self.driver.find_element(By.CSS_SELECTOR, ".language-switcher a[hreflang=de]").click()
        WebDriverWait(self.driver, 10).until(lambda d: DE in d.current_url)
        self.assertEqual(self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang"), "de")


if __name__ == "__main__":
    unittest.main(verbosity=2)
