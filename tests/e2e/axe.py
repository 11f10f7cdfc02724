"""Running axe-core's WCAG 2.1 A and AA rules on a page."""

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def violations(page, axe_source: str) -> list[str]:
    # Evaluated by the browser's debugging protocol, not as an inline <script>: the page's Content-Security-Policy
    # (script-src 'self') refuses inline scripts, and rightly so.
    page.evaluate(f"() => {{ {axe_source}\n }}")
    # resultTypes: only the violations are read, so axe details one node of each passed or inapplicable rule
    # instead of every node it checked (its own advice for speed; the violations are reported in full).
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG_AA
    )
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes: {where(v['nodes'])})" for v in result["violations"]]


def where(nodes: list[dict]) -> str:
    """The first few offending elements, by selector and axe's own summary of what is wrong with them."""
    return "; ".join(f"{' '.join(node['target'])} — {node.get('failureSummary', '')}" for node in nodes[:3])


# The contrast of each text axe's colour-contrast rule left for review, worked out in the page: its colour (an SVG
# text's fill) against the first opaque background behind it (white where none is set). WCAG 1.4.3: 4.5:1,
# 3:1 for large text (24 px, or 18.66 px bold).
CONTRAST = """targets => {
  const rgb = value => (value.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const [R, G, B] = [r, g, b].map(c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const background = element => {
    for (let e = element; e; e = e.parentElement) {
      const colour = rgb(getComputedStyle(e).backgroundColor);
      if (colour.length === 3 || (colour.length === 4 && colour[3] === 1)) return colour.slice(0, 3);
    }
    return [255, 255, 255];
  };
  return targets.map(target => {
    const element = document.querySelector(target);
    const style = getComputedStyle(element);
    const text = rgb(element instanceof SVGElement ? style.fill : style.color).slice(0, 3);
    const [a, b] = [luminance(text), luminance(background(element))].sort((x, y) => y - x);
    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight, 10) >= 700;
    return [target, (a + 0.05) / (b + 0.05), size >= 24 || (bold && size >= 18.66) ? 3 : 4.5];
  });
}"""


def contrast_left_for_review(page, axe_source: str) -> list[str]:
    """The texts whose colour contrast axe could not decide (text drawn in an SVG, a select with a background
    image) and that fall short of WCAG AA when measured here; [] when every one of them is readable."""
    page.evaluate(f"() => {{ {axe_source}\n }}")
    result = page.evaluate("() => axe.run(document, {runOnly: {type: 'rule', values: ['color-contrast']}})")
    targets = [node["target"][0] for rule in result["incomplete"] for node in rule["nodes"]]
    measured = page.evaluate(CONTRAST, targets) if targets else []
    return [f"{target}: {ratio:.2f}:1, needs {needed}:1" for target, ratio, needed in measured if ratio < needed]
