"""The inline stylesheet and script of the HTML report, and their CSP hashes.

They are constants (no document text ever goes into them), so their sha256 hashes can
be put in the report's Content-Security-Policy: nothing else may run or style the page.
"""

from __future__ import annotations

import base64
import hashlib

CSS = """
:root{--err:#c62828;--warn:#b26a00;--info:#1565c0;--ink:#1d1d1f;--mute:#5f6368;
--line:#d9dce1;--bg:#f6f7f9;font-family:system-ui,-apple-system,"Segoe UI",sans-serif}
body{margin:0 auto;max-width:1180px;padding:1.5rem;color:var(--ink);background:#fff;
line-height:1.45}
h1{margin:.2rem 0;font-size:1.6rem}h2{font-size:1.2rem;margin:1.6rem 0 .6rem;
overflow-wrap:anywhere}
.meta{color:var(--mute);margin:.2rem 0 1rem}
.totals{display:flex;gap:.8rem;flex-wrap:wrap;margin-bottom:1rem}
.total{border:1px solid var(--line);border-radius:8px;padding:.5rem 1rem;min-width:7rem;
background:var(--bg)}
.total .n{display:block;font-size:1.7rem;font-weight:700}
.total.sev-error .n{color:var(--err)}.total.sev-warning .n{color:var(--warn)}
.total.sev-info .n{color:var(--info)}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:1rem}
figure{margin:0;border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem}
figcaption{font-weight:600;margin-bottom:.3rem}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.2rem .4rem;vertical-align:top;font-size:.92rem}
.chart th{font-weight:400;overflow-wrap:anywhere}.chart td.bar{width:45%}
.chart svg{display:block;width:100%;height:.8rem;background:var(--bg);border-radius:3px}
.num{text-align:right;font-variant-numeric:tabular-nums}
.fill-error{fill:var(--err)}.fill-warning{fill:var(--warn)}.fill-info{fill:var(--info)}
.docs td,.docs th,.rules td,.rules th{border-bottom:1px solid var(--line)}
.filters{position:sticky;top:0;background:#fff;border-bottom:1px solid var(--line);
padding:.5rem 0;z-index:1;display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
fieldset{border:1px solid var(--line);border-radius:6px;padding:.2rem .6rem}
fieldset label{margin-right:.7rem;white-space:nowrap;cursor:pointer}
.finding{border:1px solid var(--line);border-left:5px solid var(--mute);border-radius:6px;
padding:.6rem .9rem;margin:.8rem 0;break-inside:avoid}
.finding[data-severity=error]{border-left-color:var(--err)}
.finding[data-severity=warning]{border-left-color:var(--warn)}
.finding[data-severity=info]{border-left-color:var(--info)}
.finding header{display:flex;gap:.5rem;flex-wrap:wrap;align-items:baseline}
.badge{font-size:.75rem;font-weight:700;text-transform:uppercase;color:#fff;
border-radius:4px;padding:.05rem .4rem}
.badge.sev-error{background:var(--err)}.badge.sev-warning{background:var(--warn)}
.badge.sev-info{background:var(--info)}
.loc,.where{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem;
color:var(--mute);overflow-wrap:anywhere}
.message{margin:.4rem 0;font-weight:500}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:.6rem}
.side{background:var(--bg);border-radius:6px;padding:.4rem .7rem}
.side-head{font-size:.85rem;color:var(--mute)}
blockquote{margin:.3rem 0;padding-left:.6rem;border-left:3px solid var(--line)}
mark{background:#ffe08a;padding:0 .1rem;border-radius:2px}
del{background:#fdd;color:#8b0000}ins{background:#dfd;color:#0b5d1e;text-decoration:none}
.empty{color:var(--mute);font-style:italic}
.is-hidden{display:none}
@media print{.filters{display:none}.is-hidden{display:block!important}
body{max-width:none;padding:0}.finding{border-left-width:3px}}
"""

JS = """
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  function update() {
    var off = {};
    boxes.forEach(function (b) {
      if (!b.checked) { off[b.dataset.filter + ":" + b.value] = true; }
    });
    var visible = 0;
    document.querySelectorAll(".finding").forEach(function (f) {
      var hide = off["severity:" + f.dataset.severity] || off["rule:" + f.dataset.rule];
      f.classList.toggle("is-hidden", !!hide);
      if (!hide) { visible += 1; }
    });
    document.querySelectorAll("section.doc").forEach(function (d) {
      var all = d.querySelectorAll(".finding").length;
      var shown = d.querySelectorAll(".finding:not(.is-hidden)").length;
      d.classList.toggle("is-hidden", all > 0 && shown === 0);
    });
    document.getElementById("visible-count").textContent = String(visible);
  }
  boxes.forEach(function (b) { b.addEventListener("change", update); });
  update();
})();
"""


def csp_hash(source: str) -> str:
    """The CSP source expression (`'sha256-…'`) allowing exactly this inline content."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def csp() -> str:
    """The Content-Security-Policy: nothing external, only our own style and script."""
    return (
        "default-src 'none'; "
        f"script-src {csp_hash(JS)}; "
        f"style-src {csp_hash(CSS)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
