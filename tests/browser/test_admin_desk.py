"""The story form as a desk (issue 25), in Chromium at 1366 and 390 px, for a Kommune editor and
the central team: axe without violations, every fieldset named, every icon link with text, no
sideways scrolling on the phone, the error summary leading to the fields, the live character
count, the Kommune chosen, the first focus on a visible field. Screenshots of the story form at
both widths go to test-artifacts/screenshots/ (admin-story-form-<width>.png).
"""

from django.contrib.auth.models import Group

from consent.models import Consent
from shared.publication import Status
from shared.roles import CENTRAL_EDITORS, KOMMUNE_EDITORS
from tests.browser.axe import axe_violations, format_violations
from tests.browser.test_admin_axe import log_in, story_with_photo
from tests.browser.test_look import SCREENSHOTS
from tests.factories import UserFactory, kommune

WIDTHS = [{"width": 1366, "height": 900}, {"width": 390, "height": 844}]

# Every <fieldset> without a name: no <legend> with text as its first child and no aria-label(ledby).
UNNAMED_FIELDSETS = """() => Array.from(document.querySelectorAll('fieldset')).filter((fs) => {
    const legend = fs.firstElementChild && fs.firstElementChild.tagName === 'LEGEND' ? fs.firstElementChild : null;
    if (legend && legend.textContent.trim()) return false;
    if ((fs.getAttribute('aria-label') || '').trim()) return false;
    const by = (fs.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean);
    return !by.some((id) => document.getElementById(id) && document.getElementById(id).textContent.trim());
}).map((fs) => fs.outerHTML.slice(0, 160))"""

# Every link whose only content is images, without a text for them.
UNNAMED_ICON_LINKS = """() => Array.from(document.querySelectorAll('a')).filter((a) => {
    const images = a.querySelectorAll('img');
    if (!images.length || a.textContent.trim()) return false;
    return !Array.from(images).some((img) => (img.getAttribute('alt') || '').trim())
        && !(a.getAttribute('aria-label') || '').trim();
}).map((a) => a.outerHTML.slice(0, 160))"""

# How far the page scrolls sideways, and the boxes in it whose content is wider than they are (and so
# scrolls sideways inside the box or is cut off: Django's form rows hide what overflows). Left out:
# form controls, hidden texts for screen readers, the searchable choice's text, which ends in "…",
# and frames that crop a picture on purpose (the focal point's crop previews: a picture, no text).
SIDEWAYS = """() => [document.documentElement.scrollWidth - document.documentElement.clientWidth,
    Array.from(document.querySelectorAll('#content *:not(textarea):not(select):not(input)')).filter((el) => {
        const style = getComputedStyle(el);
        if (style.overflowX === 'visible' || el.clientWidth <= 2) return false;
        if (el.closest('.visually-hidden, .select2-selection__rendered')) return false;
        if (el.querySelector('img, picture, video, canvas') && !el.textContent.trim()) return false;
        return el.scrollWidth > el.clientWidth + 1;
    }).map((el) => el.tagName + '#' + el.id + '.' + el.className)]"""


def editor_account(username: str, group: str, *kommune_slugs: str):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    user.kommunen.set([kommune(slug) for slug in kommune_slugs])
    return user


def desk_problems(site, path: str) -> list[str]:
    site.open(path)
    page = site.page
    problems = []
    violations = axe_violations(page)
    if violations:
        problems.append(f"axe: {format_violations(violations)}")
    unnamed = page.evaluate(UNNAMED_FIELDSETS)
    if unnamed:
        problems.append(f"fieldsets without a name: {unnamed}")
    icons = page.evaluate(UNNAMED_ICON_LINKS)
    if icons:
        problems.append(f"icon links without text: {icons}")
    sideways, scrolling_boxes = page.evaluate(SIDEWAYS)
    if sideways > 0:
        problems.append(f"scrolls sideways by {sideways} px")
    if scrolling_boxes:
        problems.append(f"content wider than its box: {scrolling_boxes}")
    return [f"{path} at {page.viewport_size['width']} px: {problem}" for problem in problems]


def check_story_forms(site, paths: list[str], screenshot_path: str | None = None) -> None:
    found = []
    for viewport in WIDTHS:
        site.page.set_viewport_size(viewport)
        for path in paths:
            found += desk_problems(site, path)
        if screenshot_path:
            site.open(screenshot_path)
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            site.page.screenshot(path=str(SCREENSHOTS / f"admin-story-form-{viewport['width']}.png"), full_page=True)
    assert not found, "\n".join(found)


def test_story_and_consent_forms_of_a_kommune_editor_are_a_desk(site):
    editor_account("redaktion-dueren", KOMMUNE_EDITORS, "kreis-dueren")
    story = story_with_photo(status=Status.DRAFT)
    consent = Consent.objects.get(story=story)
    log_in(site, "redaktion-dueren")
    check_story_forms(
        site,
        [
            "/admin/stories/story/add/",
            f"/admin/stories/story/{story.pk}/change/",
            "/admin/consent/consent/add/",
            f"/admin/consent/consent/{consent.pk}/change/",
        ],
        screenshot_path=f"/admin/stories/story/{story.pk}/change/",
    )


def test_story_and_consent_forms_of_the_central_team_are_a_desk(site):
    editor_account("zentrale", CENTRAL_EDITORS)
    story = story_with_photo(status=Status.REVIEW)
    consent = Consent.objects.get(story=story)
    log_in(site, "zentrale")
    check_story_forms(
        site,
        [
            "/admin/stories/story/add/",
            f"/admin/stories/story/{story.pk}/change/",
            "/admin/consent/consent/add/",
            f"/admin/consent/consent/{consent.pk}/change/",
        ],
    )


def test_error_summary_leads_to_each_field_and_the_count_follows_the_typing(site):
    editor_account("redaktion-dueren", KOMMUNE_EDITORS, "kreis-dueren")
    log_in(site, "redaktion-dueren")
    page = site.page
    site.open("/admin/stories/story/add/")

    # the Kommune chosen (the editor has one), the first focus on a visible field
    dueren = kommune("kreis-dueren")
    assert page.locator("#id_kommune").input_value() == str(dueren.pk)
    assert page.evaluate(
        "() => document.activeElement.offsetParent !== null && document.activeElement.type !== 'hidden'"
    )

    # the count under the quote
    count = page.locator("#id_quote_de_count")
    assert count.inner_text() == "noch 300 von 300 Zeichen"
    page.fill("#id_quote_de", "Ich habe es geschafft.")
    assert count.inner_text() == "noch 278 von 300 Zeichen"
    assert page.locator("#id_quote_de").get_attribute("aria-describedby").endswith("id_quote_de_count")
    page.wait_for_function(
        "() => document.querySelector('#id_quote_de_count + [aria-live=polite]').textContent.includes('278')"
    )
    # the photo's alt text too
    page.fill("#id_photos-0-alt_text", "Leonie im Laden")
    assert page.locator("#id_photos-0-alt_text_count").inner_text() == "noch 235 von 250 Zeichen"

    # saving without a name: the summary takes the focus, its links lead into the fields
    page.locator("input[name=_save], button[name=_save]").first.click()
    page.wait_for_load_state("load")
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'error-summary'")
    assert "Fehler korrigieren" in summary.locator("h2").inner_text()
    name_link = summary.get_by_role("link", name="Name:")
    name_link.click()
    assert page.evaluate("() => document.activeElement.id") == "id_name"
    photo_links = summary.locator("a[href^='#id_photos-0-']")
    assert photo_links.count() >= 1
    target = photo_links.first.get_attribute("href")[1:]
    photo_links.first.click()
    assert page.evaluate("() => document.activeElement.id") == target
    assert not axe_violations(page), format_violations(axe_violations(page))


def test_consent_form_opens_with_the_focus_on_a_visible_field(site):
    editor_account("zentrale", CENTRAL_EDITORS)
    log_in(site, "zentrale")
    site.open("/admin/consent/consent/add/")
    page = site.page
    page.wait_for_function("() => document.activeElement && document.activeElement !== document.body")
    page.wait_for_timeout(300)  # Select2 sets itself up in a ready handler, which may come later
    focused = page.evaluate(
        "() => { const el = document.activeElement; const box = el.getBoundingClientRect();"
        " return {visible: box.width > 2 && box.height > 2 && getComputedStyle(el).visibility !== 'hidden',"
        " html: el.outerHTML.slice(0, 120)}; }"
    )
    assert focused["visible"], focused["html"]


# The focused element's focus indicator: an outline of at least 2 px or a box shadow.
FOCUS_SHOWN = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    return {shown: outline || style.boxShadow !== 'none',
            what: el.tagName + '#' + el.id + '.' + (el.className.baseVal ?? el.className) + ' ' + (el.name || '')};
}"""


def test_tab_reaches_the_photo_soon_and_every_control_shows_its_focus(site):
    editor_account("redaktion-dueren", KOMMUNE_EDITORS, "kreis-dueren")
    story = story_with_photo(status=Status.DRAFT)
    log_in(site, "redaktion-dueren")
    page = site.page
    site.open(f"/admin/stories/story/{story.pk}/change/")
    page.focus("#id_kind")
    presses, path = 0, []
    while page.evaluate("() => document.activeElement.id") != "id_photos-0-image" and presses < 40:
        page.keyboard.press("Tab")
        presses += 1
        path.append(page.evaluate(FOCUS_SHOWN)["what"])
    # name, role, Kommune (with its change and view links), the photo's "view on site" link, its
    # delete box and its stored file: 9 (27 from „Status“ before the form was reordered)
    assert presses <= 10, f"{presses} Tab presses from „Art“ to the photo: {path}"

    unfocused, seen = [], []
    page.focus("#id_kind")
    for _ in range(150):
        state = page.evaluate(FOCUS_SHOWN)
        seen.append(state["what"])
        if not state["shown"]:
            unfocused.append(state["what"])
        if page.evaluate("() => document.activeElement.name") == "_save":
            break
        page.keyboard.press("Tab")
    assert any("ProseMirror" in what for what in seen), "the rich-text area was not reached"
    assert "_save" in seen[-1], seen[-5:]
    assert not unfocused, f"no visible focus on: {unfocused}"


def test_story_form_in_the_dark_theme_passes_axe(site):
    editor_account("zentrale", CENTRAL_EDITORS)
    story = story_with_photo(status=Status.REVIEW)
    log_in(site, "zentrale")
    site.page.emulate_media(color_scheme="dark")
    found = []
    for path in ("/admin/", "/admin/stories/story/", f"/admin/stories/story/{story.pk}/change/"):
        site.open(path)
        violations = axe_violations(site.page)
        if violations:
            found.append(f"{path}\n{format_violations(violations)}")
    assert not found, "\n".join(found)
