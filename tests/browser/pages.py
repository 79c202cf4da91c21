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


def colours(page) -> tuple[float, float]:
    """The relative luminance (0 black … 1 white) of the page's background (body's, else html's, else the canvas)
    and of its body text."""
    return tuple(page.evaluate("""() => {
        const lum = c => {
            const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(v => {
                v = Number(v) / 255;
                return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
            });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const clear = c => c === 'rgba(0, 0, 0, 0)' || c === 'transparent';
        let bg = getComputedStyle(document.body).backgroundColor;
        if (clear(bg)) bg = getComputedStyle(document.documentElement).backgroundColor;
        // Nothing painted: the canvas, which Chromium darkens only for a page that opts into a dark scheme.
        const darkCanvas = getComputedStyle(document.documentElement).colorScheme.includes('dark')
            && matchMedia('(prefers-color-scheme: dark)').matches;
        const back = clear(bg) ? (darkCanvas ? 0 : 1) : lum(bg);
        return [back, lum(getComputedStyle(document.body).color)];
    }"""))


def contrast(a: float, b: float) -> float:
    """WCAG's contrast ratio of two luminances (4.5 is the floor for body text)."""
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)
