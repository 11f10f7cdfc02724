"""Running axe-core's WCAG 2.1 A and AA rules on a page."""

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def violations(page, axe_source: str) -> list[str]:
    # Evaluated by the browser's debugging protocol, not as an inline <script>: the page's Content-Security-Policy
    # (script-src 'self') refuses inline scripts, and rightly so.
    page.evaluate(f"() => {{ {axe_source}\n }}")
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes: {where(v['nodes'])})" for v in result["violations"]]


def where(nodes: list[dict]) -> str:
    """The first few offending elements, by selector and axe's own summary of what is wrong with them."""
    return "; ".join(f"{' '.join(node['target'])} — {node.get('failureSummary', '')}" for node in nodes[:3])
