"""What the browser tests read off a page (the DESIGN's ids and classes), and the sample corpus's facts they
check it against."""

from __future__ import annotations

from urllib.parse import urlencode

# A question whose best quote is a commenter's reply deep in the longest sample document (so "Context" has to
# scroll to it), and a real sentence of Jeremy Corbyn's with one content word changed.
DEEP_QUESTION = "What do they say about antisemitism?"
STRIKE_QUESTION = "What about the right to strike?"
REAL_SENTENCE = "Any government that forces people to work against their will has no interest in reasonable dialogue."
ALTERED_SENTENCE = REAL_SENTENCE.replace("reasonable", "honest")


def ask_path(question: str, **params) -> str:
    return "/?" + urlencode({"q": question, **params})


def check_path(text: str, **params) -> str:
    return "/check?" + urlencode({"text": text, **params})


def card_facts(card) -> dict:
    """A quote card as a reader sees it: the words, the marked best sentence, who, and where from."""
    return {"text": card.locator("blockquote.quote-text").inner_text(),
            "best": card.locator("blockquote.quote-text mark.best").all_inner_texts(),
            "speaker": card.locator(".quote-who .quote-speaker").inner_text(),
            "source": card.locator(".quote-who a.quote-source").inner_text()}


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def colours(page, selector: str = "body") -> tuple[float, float]:
    """The relative luminance (0 black … 1 white) of what the first ``selector`` element is painted on (its own
    and its ancestors' backgrounds, see-through ones blended, over the canvas) and of its text."""
    return tuple(page.locator(selector).first.evaluate("""el => {
        const rgba = c => { const v = c.match(/[\\d.]+/g).map(Number); return [v[0], v[1], v[2], v[3] ?? 1]; };
        const lum = ([r, g, b]) => [r, g, b].map(v => {
            v /= 255;
            return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        }).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
        // The canvas: Chromium paints it dark only for a page that opts into a dark scheme.
        const dark = getComputedStyle(document.documentElement).colorScheme.includes('dark')
            && matchMedia('(prefers-color-scheme: dark)').matches;
        let paint = dark ? [18, 18, 18] : [255, 255, 255];
        const layers = [];
        for (let e = el; e; e = e.parentElement) layers.unshift(rgba(getComputedStyle(e).backgroundColor));
        for (const [r, g, b, a] of layers) paint = [r, g, b].map((v, i) => a * v + (1 - a) * paint[i]);
        return [lum(paint), lum(rgba(getComputedStyle(el).color))];
    }"""))


def contrast(a: float, b: float) -> float:
    """WCAG's contrast ratio of two luminances (4.5 is the floor for body text)."""
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)
