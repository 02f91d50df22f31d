"""Sample documents for the ingest tests, written for them (fictional, realistic)."""

from __future__ import annotations

WIRE = """\
Kazakhstan and Kyrgyzstan agree to reopen border crossings

BISHKEK (Dateline Wire) — Kyrgyz Foreign Minister Aibek Osmonov met his Kazakh counterpart \
in Bishkek on Tuesday, and the two agreed to reopen three border crossings closed since \
the spring, the Kyrgyz Foreign Ministry said.

The ministers also discussed water sharing on the Chu and Talas rivers ahead of the summer \
irrigation season.

Share this article
"""

PARAS = [
    "The European Union imposed new sanctions on Ruritania on Monday over the government's "
    "crackdown on opposition protests, freezing the assets of twelve officials.",
    "EU foreign ministers meeting in Brussels said the measures targeted those responsible "
    "for the violent dispersal of demonstrators in the capital last month.",
    "Ruritania's foreign ministry condemned the decision and said it would respond in kind, "
    "accusing the bloc of interfering in the country's internal affairs.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>EU sanctions Ruritania over crackdown | Dateline Wire</title>
<meta property="og:title" content="EU sanctions Ruritania over crackdown">
<meta property="og:site_name" content="Dateline Wire">
<meta name="author" content="Lena Vogel">
<meta property="article:published_time" content="2024-06-17T09:30:00Z">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a>
<a href="/subscribe">Subscribe</a></nav></header>
<main><article>
<h1>EU sanctions Ruritania over crackdown</h1>
<p class="byline">By Lena Vogel</p>
{"".join(f"<p>{p}</p>" for p in PARAS)}
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Storm hits coast</a></li>
<li><a href="/b">Markets fall</a></li></ul></aside>
</main>
<footer><p>Copyright 2024 Dateline Wire. All rights reserved.</p></footer>
</body></html>
"""

NAV_ONLY = """<!DOCTYPE html><html><head><title>Index</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav><footer>Contact us</footer></body></html>
"""
