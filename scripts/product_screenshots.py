#!/usr/bin/env python3
"""Takes the product screenshots the articles show, from the reference engine, in every locale.

    .venv-browser/bin/python scripts/product_screenshots.py .build/debug/helpcenter content

For each locale it starts `helpcenter engine --test-mode` on a free loopback port, creates an
account through the test API, signs in through the sign-in form as a reader would, walks to
the page and writes content/<locale>/images/<name>.png (a locale's own screenshot: the build
shows it to that locale, see README "Images"). Re-run it after the engine's pages change;
the files are committed, so neither the build nor CI needs a browser for them.

Screenshots (name: what it shows):
  access-rights   the rights step of adding a user (Users > Add a user > New user > next)
"""
import argparse
import json
import sys
import tempfile
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import loopback  # noqa: E402  (the engine starter the benchmarks use)

LOCALES = ["fr", "en", "de", "es"]
PASSWORD = "Screenshot-Password-2026"
WIDTH, HEIGHT = 820, 820


def create_account(url, locale):
    body = json.dumps({"properties": ["Hôtel du Lac", "Villa Mimosa"], "users": [
        {"username": f"shot-{locale}", "name": "Camille Martin", "email": f"camille.{locale}@example.com",
         "password": PASSWORD, "admin": True}]}).encode()
    request = urllib.request.Request(f"{url}/_test/accounts", data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        assert response.status == 201, response.status


def browser():
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={WIDTH},{HEIGHT}",
                     "--hide-scrollbars", "--force-device-scale-factor=1"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def sign_in(driver, url, locale):
    driver.get(f"{url}/{locale}/sign-in")
    driver.find_element(By.NAME, "username").send_keys(f"shot-{locale}")
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: "/sign-in" not in d.current_url)


def access_rights(driver, url, locale):
    driver.get(f"{url}/{locale}/account/users/new")
    driver.find_element(By.NAME, "name").send_keys("Alex Dupont")
    driver.find_element(By.NAME, "email").send_keys("alex.dupont@example.com")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "input[type=checkbox]"))
    assert driver.find_elements(By.CSS_SELECTOR, "input[type=checkbox]"), f"{locale}: no rights on {driver.current_url}"


SHOTS = {"access-rights": access_rights}


def fit_to_page(driver):
    """The window as tall as the page (plus a margin), so the screenshot shows all of it."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    chrome = driver.execute_script("return window.outerHeight - window.innerHeight")
    driver.set_window_size(WIDTH, height + chrome + 16)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary")
    parser.add_argument("content", type=Path)
    parser.add_argument("--only", help="one screenshot name")
    a = parser.parse_args()
    for locale in LOCALES:
        with tempfile.TemporaryDirectory() as folder:
            engine, url = loopback.start([a.binary, "engine", "--port", "0", "--database", f"{folder}/engine.sqlite",
                                     "--test-mode", "--bcrypt-cost", "4"], "engine")
            driver = browser()
            try:
                create_account(url, locale)
                sign_in(driver, url, locale)
                for name, walk in SHOTS.items():
                    if a.only and name != a.only:
                        continue
                    walk(driver, url, locale)
                    fit_to_page(driver)
                    target = a.content / locale / "images" / f"{name}.png"
                    target.parent.mkdir(parents=True, exist_ok=True)
                    driver.save_screenshot(str(target))
                    print(f"wrote {target}")
            finally:
                driver.quit()
                loopback.stop(engine)


if __name__ == "__main__":
    main()
