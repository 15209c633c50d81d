#!/usr/bin/env python3
"""Full-page screenshots of a generated site in headless Chromium, and its console errors.

    scripts/setup-browser.sh        # once: chromium, chromium-driver, selenium in .venv-browser/
    .venv-browser/bin/python scripts/screenshots.py SITE_DIR OUT_DIR \
        [--pages fr/slug/ en/slug/ fr/search/?q=mot ...] [--widths 1280,390] [--dark]

Each page is loaded from file:// (SITE_DIR/<page>/index.html, or SITE_DIR/<page> when it ends
in .html; a ?query or #fragment is kept) and saved as OUT_DIR/<page>-<width>.png, slashes
replaced by '-'. Without --pages: every <locale>/<slug>/index.html, every <locale>/index.html
and the root index.html. The browser console of each page is printed (this is where CSP
violations and script errors show); the exit status is 1 when any message is SEVERE.
"""
import argparse
import pathlib
import re
import sys
import time

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
except ImportError:
    sys.exit("screenshots: selenium is missing; run scripts/setup-browser.sh and use .venv-browser/bin/python")

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
MAX_HEIGHT = 8000


def default_pages(site: pathlib.Path) -> list[str]:
    pages = []
    if (site / "index.html").is_file():
        pages.append("index.html")
    for index in sorted(site.glob("*/index.html")):
        pages.append(index.parent.name + "/")
    for index in sorted(site.glob("*/*/index.html")):
        pages.append(f"{index.parent.parent.name}/{index.parent.name}/")
    return pages


def page_file(site: pathlib.Path, page: str) -> tuple[pathlib.Path, str]:
    """The file to load and the ?query/#fragment to append."""
    match = re.match(r"([^?#]*)(.*)", page)
    path, suffix = match.group(1).lstrip("/"), match.group(2)
    if not path.endswith(".html"):
        path = (path.rstrip("/") + "/index.html").lstrip("/")
    return site / path, suffix


def output_name(page: str, width: int, dark: bool) -> str:
    stem = re.sub(r"/index\.html$|\.html$", "", page.strip("/")) or "index"
    stem = re.sub(r"[^A-Za-z0-9._=]+", "-", stem).strip("-") or "index"
    return f"{stem}-{width}{'-dark' if dark else ''}.png"


def start_browser() -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def resize(driver: webdriver.Chrome, width: int, height: int) -> None:
    """Makes the viewport width × height (Chromium will not make a window narrower than 500 px,
    so narrower widths are emulated with the DevTools protocol)."""
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.set_window_size(width, height)
    if driver.execute_script("return [window.innerWidth, window.innerHeight]") != [width, height]:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=pathlib.Path, metavar="SITE_DIR")
    parser.add_argument("out", type=pathlib.Path, metavar="OUT_DIR")
    parser.add_argument("--pages", nargs="+", metavar="PAGE", help="e.g. fr/slug/ en/index.html fr/search/?q=mot")
    parser.add_argument("--widths", default="1280,390", help="comma-separated viewport widths (default 1280,390)")
    parser.add_argument("--dark", action="store_true", help="emulate prefers-color-scheme: dark")
    args = parser.parse_args()

    site = args.site.resolve()
    if not site.is_dir():
        parser.error(f"{site} is not a directory")
    try:
        widths = [int(w) for w in args.widths.split(",") if w.strip()]
    except ValueError:
        parser.error("--widths takes numbers, e.g. 1280,390")
    pages = args.pages or default_pages(site)
    if not pages:
        parser.error(f"no pages found under {site}")
    args.out.mkdir(parents=True, exist_ok=True)

    severe = 0
    driver = start_browser()
    try:
        if args.dark:
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                   {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        for page in pages:
            path, suffix = page_file(site, page)
            if not path.is_file():
                print(f"{page}: {path} does not exist")
                severe += 1
                continue
            url = path.as_uri() + suffix
            for width in widths:
                resize(driver, width, 900)
                driver.get(url)
                time.sleep(0.3)  # deferred scripts and the debounced search settle
                height = driver.execute_script(
                    "return Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0)")
                resize(driver, width, max(200, min(int(height), MAX_HEIGHT)))
                time.sleep(0.2)
                target = args.out / output_name(page, width, args.dark)
                driver.save_screenshot(str(target))
                print(f"{page}: {target} ({width}×{min(int(height), MAX_HEIGHT)})")
            seen = set()  # the page was loaded once per width: report each message once
            for entry in driver.get_log("browser"):
                if (entry["level"], entry["message"]) in seen:
                    continue
                seen.add((entry["level"], entry["message"]))
                print(f"  console {entry['level']}: {entry['message']}")
                if entry["level"] == "SEVERE":
                    severe += 1
    finally:
        driver.quit()

    if severe:
        print(f"screenshots: {severe} console error(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
