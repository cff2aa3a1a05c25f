#!/usr/bin/env python3
"""Accord's HTML reports, opened in a real browser (headless Chromium).

usage: check-reports.py ACCORD SOURCE_ROOT [--keep DIR]

Writes each kind of report with ACCORD, in HTML and in JSON from the same command:
  one country      report mx against usmca and interop (radar per ruleset, roadmap steps)
  two countries    report gb us against usmca and interop (heat map, overlaid radars)
  every country    report of every shipped profile against every shipped ruleset, with tiers
  hostile input    a profile whose evidence title is <script>alert(1)</script>, whose link is
                   javascript:alert(1) and whose name holds an <img onerror>
and checks, on the DOM as Chromium parsed it (--dump-dom):
  - the charts are there, each with one mark per figure of its table (a radar point per
    pillar and series, a heat-map cell per country and ruleset, a step per phase), and the
    words of each mark (its <title>) name the row, the series and the figure of the JSON;
  - country names, scores, means and tiers in the ranking match the JSON;
  - each country in a ranking links to its own section;
  - hostile input gives no <script>, no <img>, no on* attribute and no link that is not
    http(s) or a section of the page; its text is shown as text;
and further:
  - a screenshot of each is not blank (pixel spread, read from the PNG with zlib);
  - the report of every country is under 2 MB, opens (parse, style, layout) in under a
    second, measured inside Chromium against an empty page, and printed to PDF keeps each
    chart's caption and its key on one page (pdftotext, page by page);
  - every verb's --format html is well formed (every element closed in order);
  - the same command writes the same bytes twice.
Exits 77 (skipped) when no chromium is installed; anything else missing is a failure.
--keep DIR keeps the HTML, PNG and PDF files (the README's screenshot is made this way).
"""
import json
import os
import re
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from html.parser import HTMLParser

SKIP = 77
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print('FAIL: ' + message)
    return condition


def fmt1(value):
    """a figure as every format but JSON prints it: one decimal, '-' for none"""
    return '-' if value is None else '%.1f' % value


def fmt_percent(share):
    """a share as every format but JSON prints it"""
    return '-' if share is None else '%.1f%%' % (100 * share)


# ---- running accord and chromium ----

class Runner:
    def __init__(self, accord, source, work, chromium):
        self.accord, self.source, self.work, self.chromium = accord, source, work, chromium
        # the test setup's GLib and sanitizer settings are for accord, not for the browser
        self.env = {k: v for k, v in os.environ.items()
                    if k not in ('G_DEBUG', 'LD_PRELOAD', 'LD_LIBRARY_PATH', 'MALLOC_PERTURB_',
                                 'ASAN_OPTIONS', 'UBSAN_OPTIONS', 'LSAN_OPTIONS')}

    def accord_run(self, args, output):
        path = os.path.join(self.work, output)
        subprocess.run([self.accord] + args + ['--output', path], check=True,
                       cwd=os.path.join(self.source, 'tests', 'data'))
        return path

    def chromium_run(self, args, timeout=240):
        command = ['timeout', str(timeout), self.chromium, '--headless', '--no-sandbox',
                   '--disable-gpu', '--disable-background-networking',
                   '--disable-component-update', '--disable-sync', '--no-first-run',
                   '--hide-scrollbars', '--force-device-scale-factor=1',
                   '--user-data-dir=' + os.path.join(self.work, 'chromium')] + args
        started = time.monotonic()
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=self.env)
        elapsed = time.monotonic() - started
        if done.returncode != 0:
            raise RuntimeError('chromium %s exited %d: %s' % (' '.join(args), done.returncode,
                                                                 done.stderr[-2000:]))
        return done.stdout.decode('utf-8'), elapsed

    def dump_dom(self, html):
        return self.chromium_run(['--dump-dom', 'file://' + html])[0]

    def screenshot(self, html, png, size='1200,1600'):
        self.chromium_run(['--window-size=' + size, '--screenshot=' + png, 'file://' + html])
        return png

    def print_pdf(self, html, pdf):
        self.chromium_run(['--no-pdf-header-footer', '--print-to-pdf=' + pdf, 'file://' + html],
                          timeout=600)
        return pdf


# ---- the DOM as Chromium serialised it ----

VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source',
        'track', 'wbr'}


class Element:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def classes(self):
        return (self.attrs.get('class') or '').split()

    def text(self):
        return ''.join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self):
        for c in self.children:
            if isinstance(c, Element):
                yield c
                yield from c.walk()

    def find(self, tag=None, cls=None):
        return [e for e in self.walk()
                if (tag is None or e.tag == tag) and (cls is None or cls in e.classes())]


class Dom(HTMLParser):
    """a tree of the serialised DOM; with strict=True, every end tag must close the element
    opened last (our own output), else any unclosed elements are closed (Chromium's)"""

    def __init__(self, text, strict=False):
        super().__init__(convert_charrefs=True)
        self.root = Element('#document', [], None)
        self.stack = [self.root]
        self.strict, self.errors = strict, []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        e = Element(tag, attrs, self.stack[-1])
        self.stack[-1].children.append(e)
        if tag not in VOID:
            self.stack.append(e)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Element(tag, attrs, self.stack[-1]))

    def handle_endtag(self, tag):
        if self.strict and self.stack[-1].tag != tag:
            self.errors.append('</%s> closes <%s>' % (tag, self.stack[-1].tag))
        while len(self.stack) > 1:
            if self.stack.pop().tag == tag:
                break

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def charts(dom):
    """each chart in page order: (kind, [title of each mark])"""
    out = []
    for figure in dom.root.find('figure', 'chart'):
        svg = [s for s in figure.find('svg') if 'swatch' not in s.classes()][0]
        marks = [e for e in svg.walk() if 'datum' in e.classes()]
        out.append((svg.classes()[0],
                    [''.join(t.text() for t in m.find('title')) for m in marks]))
    return out


def table_by_caption(dom, caption):
    for table in dom.root.find('table'):
        captions = table.find('caption')
        if captions and captions[0].text() == caption:
            return table
    return None


def rows_of(table):
    body = table.find('tbody')[0]
    return [r.find('td') for r in body.find('tr')]


# ---- pictures ----

def png_pixels(path):
    """(width, height, grey levels) of an 8-bit RGB or RGBA PNG, rows unfiltered"""
    data = open(path, 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
    pos, idat = 8, b''
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b'IHDR':
            width, height, depth, colour = struct.unpack('>IIBB', body[:10])
            assert depth == 8 and colour in (2, 6), 'PNG of depth %d, colour %d' % (depth, colour)
        elif kind == b'IDAT':
            idat += body
        pos += 12 + length
    step = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * step
    previous, grey = bytearray(stride), []
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - step] if x >= step else 0
            b = previous[x]
            c = previous[x - step] if x >= step else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        previous = line
        # every 4th pixel of every 4th row is plenty to tell a page from a blank
        if y % 4 == 0:
            grey.extend((line[x] + line[x + 1] + line[x + 2]) // 3
                        for x in range(0, stride, step * 4))
    return width, height, grey


def check_not_blank(png, name):
    width, height, grey = png_pixels(png)
    spread = statistics.pstdev(grey)
    inked = sum(1 for g in grey if g < 200) / len(grey)
    print('%s screenshot: %dx%d, grey spread %.1f, %.1f%% inked' % (name, width, height, spread,
                                                                    100 * inked))
    check(spread > 15 and inked > 0.01, '%s: the screenshot looks blank' % name)


# ---- the kinds of report ----

def check_one_country(run, keep):
    args = ['report', 'mx', '--ruleset', 'usmca', '--ruleset', 'interop']
    html = run.accord_run(args, 'one-country.html')
    data = json.load(open(run.accord_run(args + ['--format', 'json'], 'one-country.json')))
    dom = Dom(run.dump_dom(html))
    check(data['kind'] == 'briefing', 'one country: a briefing')
    check(dom.root.find('h1')[0].text() == 'Briefing: ' + data['name'],
          'one country: the heading names the country')
    expected = []
    for rs in data['rulesets']:
        pillars = rs['gaps']['pillars']
        if len(pillars) >= 2:
            expected.append(('radar' if len(pillars) >= 3 else 'bars',
                             ['%s \u2014 Score: %s' % (p['pillar'], fmt1(p['score']))
                              for p in pillars]))
    # one roadmap over every ruleset: a line per ruleset and one for the objective
    plan = data['roadmap']['plan']
    series = [(r['ruleset'], r['ruleset']) for r in data['rulesets']] + [('objective',
                                                                          'Objective')]
    if len(plan) >= 2:
        expected.append(('steps', ['%d \u2014 %s: %s' % (r['phase'], label, fmt1(r[key]))
                                   for key, label in series for r in plan]))
    got = charts(dom)
    check(got == expected, 'one country: charts %s, expected %s' % (got, expected))
    fields = list(zip(dom.root.find('dt'), dom.root.find('dd')))
    for label, key, form in (('Overall score', 'overall', fmt1),
                             ('High-confidence coverage', 'coverage_high', fmt_percent)):
        shown = [dd.text() for dt, dd in fields if dt.text() == label]
        check(shown == [form(rs[key]) for rs in data['rulesets']],
              'one country: %s %s' % (label, shown))
    check_not_blank(run.screenshot(html, os.path.join(run.work, 'one-country.png')),
                    'one country')
    return html


def check_country_links(dom, data, name):
    """every country of the ranking links to the section of that country"""
    ids = {e.attrs['id']: e for e in dom.root.walk() if 'id' in e.attrs}
    table = table_by_caption(dom, 'Ranking')
    for cells, row in zip(rows_of(table), data['rank']['rows']):
        links = cells[2].find('a')
        target = ids.get(links[0].attrs['href'][1:]) if links else None
        heading = target.find('h3')[0].text() if target is not None else None
        check(heading == 'Briefing: ' + row['name'],
              '%s: %s links to %s' % (name, row['country'], heading))


def heading_of(element):
    """the heading of a section or list item"""
    for child in element.children:
        if isinstance(child, Element) and re.match(r'h[1-6]$', child.tag):
            return child.text()
    return None


def tables_by_caption(dom, caption):
    return [t for t in dom.root.find('table')
            if t.find('caption') and t.find('caption')[0].text() == caption]


def check_provisions(dom, data, name):
    """a report of several countries quotes each rule's provision once, under Provisions;
    every gap and unmet criterion of every country links to its rule there, and every
    country's ruleset to the ruleset there; no link leads nowhere"""
    ids = {e.attrs['id']: e for e in dom.root.walk() if 'id' in e.attrs}
    nowhere = [e.attrs['href'] for e in dom.root.find('a')
               if e.attrs.get('href', '').startswith('#') and e.attrs['href'][1:] not in ids]
    check(not nowhere, '%s: links to no element: %s' % (name, nowhere[:5]))
    rules = {(p['ruleset'], r['rule']): r for p in data['provisions'] for r in p['rules']}
    quotes = dom.root.find('blockquote')
    check(len(quotes) == len(rules),
          '%s: %d provisions quoted, expected each of %d once' % (name, len(quotes), len(rules)))

    def target(cell):
        links = cell.find('a')
        return ids.get(links[0].attrs['href'][1:]) if links else None

    def leads_to_rule(cell, ruleset, rule):
        t, r = target(cell), rules[(ruleset, rule)]
        quote = t.find('blockquote') if t is not None else []
        return (cell.text() == rule and heading_of(t) == r['title'] and len(quote) == 1 and
                quote[0].text().startswith(r['provision']['text']))

    parts = [(c['country'], rs['ruleset'], rs['gaps']) for c in data['countries']
             for rs in c['rulesets']]
    checked, wrong = 0, []
    for caption, key in (('Gaps', 'gaps'), ('Unmet criteria', 'unmet')):
        # a ruleset without gaps shows "Gaps: none" and no table
        expected = [(cc, rs, gaps[key]) for cc, rs, gaps in parts if gaps[key]]
        tables = tables_by_caption(dom, caption)
        check(len(tables) == len(expected), '%s: %d %s tables, expected %d' % (
            name, len(tables), caption, len(expected)))
        for (cc, rs, rows), table in zip(expected, tables):
            column = [th.text() for th in table.find('th')].index('Rule')
            cells = rows_of(table)
            check(len(cells) == len(rows), '%s: %s %s %s rows' % (name, cc, rs, caption))
            for row, json_row in zip(cells, rows):
                checked += 1
                if not leads_to_rule(row[column], rs, json_row['rule']):
                    wrong.append('%s %s %s' % (cc, rs, json_row['rule']))
    print('%s: %d gaps and unmet criteria link to their rule, %d provisions quoted' % (
        name, checked - len(wrong), len(quotes)))
    check(checked > 0 and not wrong, '%s: rules not linked to their provision: %s' % (
        name, wrong[:10]))
    titles = {p['ruleset']: p['title'] for p in data['provisions']}
    linked = [(dd.text(), heading_of(target(dd)) if target(dd) is not None else None)
              for dt, dd in zip(dom.root.find('dt'), dom.root.find('dd'))
              if dt.text() == 'Ruleset' and dd.find('a')]
    check(len(linked) == len(parts) and all(titles[rs] == h for rs, h in linked),
          '%s: %d country rulesets link to their ruleset, expected %d: %s' % (
              name, len(linked), len(parts), [x for x in linked if titles[x[0]] != x[1]][:5]))


def heat_titles(data):
    rows, rulesets = data['rank']['rows'], [r['ruleset'] for r in data['rank']['rulesets']]
    def title(row, rs):
        marks = row.get(rs + '_marks')
        return '%s \u2014 %s: %s%s' % (row['name'], rs, fmt1(row[rs]),
                                       ' [%s]' % ', '.join(marks) if marks else '')
    return [title(row, rs) for row in rows for rs in rulesets]


def check_two_countries(run, keep):
    args = ['report', 'gb', 'us', '--ruleset', 'usmca', '--ruleset', 'interop']
    html = run.accord_run(args, 'two-countries.html')
    data = json.load(open(run.accord_run(args + ['--format', 'json'], 'two-countries.json')))
    dom = Dom(run.dump_dom(html))
    got = charts(dom)
    check(got[0] == ('heatmap', heat_titles(data)), 'two countries: heat map %s' % (got[0],))
    for i, rs in enumerate(data['compare']['rulesets']):
        pillars, codes = rs['pillars'], [c['country'] for c in data['compare']['countries']]
        expected = ('radar', ['%s \u2014 %s: %s' % (p['pillar'], code, fmt1(p[code]))
                              for code in codes for p in pillars])
        check(got[1 + i] == expected,
              'two countries: overlaid radar %d %s, expected %s' % (i, got[1 + i], expected))
    check_country_links(dom, data, 'two countries')
    check_not_blank(run.screenshot(html, os.path.join(run.work, 'two-countries.png'),
                                   '1000,1500'), 'two countries')
    return html


def shipped_rulesets(source):
    return sorted(f[:-4] for f in os.listdir(os.path.join(source, 'rulesets'))
                  if f.endswith('.xml') and f != 'vocabulary.xml')


OPEN_HARNESS = '''<!DOCTYPE html><html><body><script>
const t0 = performance.now();
function opened(frame) {
  frame.contentDocument.body.getBoundingClientRect();
  document.title = 'opened in ' + (performance.now() - t0).toFixed(1);
}
</script><iframe src="%s" width="1200" height="1600" onload="opened(this)"></iframe></body></html>
'''


def time_to_open(run, html):
    """milliseconds from the start of loading @html in a frame to its load event and first
    layout, inside Chromium (so not the browser's own start-up): the best of ten, since
    other work on a shared machine only ever adds to a run's time (on a 2-core VM slower than
    the first, the best of five moved from 630 to 1,010 ms from one run of the suite to the
    next)"""
    harness = os.path.join(run.work, 'open-' + os.path.basename(html))
    with open(harness, 'w') as f:
        f.write(OPEN_HARNESS % os.path.basename(html))
    best = None
    for _ in range(10):
        out, _ = run.chromium_run(['--allow-file-access-from-files', '--dump-dom',
                                   'file://' + harness])
        m = re.search(r'<title>opened in ([0-9.]+)</title>', out)
        if not check(m is not None, 'the timing page did not report: %s' % out[:300]):
            return float('inf')
        best = min(best or float('inf'), float(m.group(1)))
    return best


def check_pagination(run, html, dom):
    pdf = run.print_pdf(html, os.path.join(run.work, os.path.basename(html)[:-5] + '.pdf'))
    info = subprocess.run(['pdfinfo', pdf], stdout=subprocess.PIPE, check=True).stdout.decode()
    pages = int(re.search(r'^Pages:\s+(\d+)', info, re.M).group(1))
    text = subprocess.run(['pdftotext', pdf, '-'], stdout=subprocess.PIPE,
                          check=True).stdout.decode('utf-8')
    caption_page, key_page = {}, {}
    for number, page in enumerate(text.split('\f'), 1):
        for m in re.finditer(r'Figure\s+(\d+)\.\s', page):
            caption_page.setdefault(int(m.group(1)), number)
        for m in re.finditer(r'Key\s+to\s+figure\s+(\d+):', page):
            key_page.setdefault(int(m.group(1)), number)
    figures = len(dom.root.find('figure', 'chart'))
    cut = [n for n in range(1, figures + 1) if caption_page.get(n) != key_page.get(n)
           or n not in caption_page]
    print('printed: %d pages, %d charts, %d cut' % (pages, figures, len(cut)))
    check(pages > 1, 'the printed report has %d page(s)' % pages)
    check(not cut, 'charts cut by a page break or missing from the PDF: %s' % cut[:20])


def check_every_country(run, keep):
    args = ['report', '--tiers', '80,60,40']
    for rs in shipped_rulesets(run.source):
        args += ['--ruleset', rs]
    html = run.accord_run(args, 'every-country.html')
    data = json.load(open(run.accord_run(args + ['--format', 'json'], 'every-country.json')))
    size = os.path.getsize(html)
    print('every country: %d countries x %d rulesets, %d bytes' % (
        len(data['rank']['rows']), len(data['rank']['rulesets']), size))
    check(size < 2000000, 'every country: %d bytes, over 2 MB' % size)
    dom = Dom(run.dump_dom(html))
    got = charts(dom)
    check(got[0] == ('heatmap', heat_titles(data)),
          'every country: heat map of %d marks, expected %d' % (len(got[0][1]),
                                                                len(heat_titles(data))))
    table = table_by_caption(dom, 'Ranking')
    heads = [th.text() for th in table.find('th')]
    shown = [(c[heads.index('Name')].text(), c[heads.index('Mean')].text(),
              c[heads.index('Tier')].text()) for c in rows_of(table)]
    expected = [(r['name'], fmt1(r['mean']), str(r['tier']) if r['tier'] else '-')
                for r in data['rank']['rows']]
    check(shown == expected, 'every country: ranking %s, expected %s' % (shown, expected))
    check_country_links(dom, data, 'every country')
    check_provisions(dom, data, 'every country')
    # more rulesets than a chart tells apart: each roadmap's step chart draws the objective
    steps = [marks for kind, marks in got if kind == 'steps']
    expected = [['%d \u2014 Objective: %s' % (r['phase'], fmt1(r['objective']))
                 for r in c['roadmap']['plan']] for c in data['countries']
                if len(c['roadmap']['plan']) >= 2]
    check(steps == expected, 'every country: %d step charts, expected %d of the objective' % (
        len(steps), len(expected)))
    # the README's docs/report.png: the heat map of every country, whole
    check_not_blank(run.screenshot(html, os.path.join(run.work, 'every-country.png'),
                                   '1000,2150'), 'every country')
    blank = os.path.join(run.work, 'blank.html')
    with open(blank, 'w') as f:
        f.write('<!DOCTYPE html><title>blank</title>\n')
    report_ms, blank_ms = time_to_open(run, html), time_to_open(run, blank)
    print('opens in %.0f ms (an empty page: %.0f ms; ratio %.1f)' % (
        report_ms, blank_ms, report_ms / max(blank_ms, 1)))
    check(report_ms < 1000, 'every country: opens in %.0f ms, not under a second' % report_ms)
    check_pagination(run, html, dom)
    return html


def check_trust_marks(run, keep):
    """evidence older than the age limit: the facts it supports are marked stale and not
    counted, beside each value as in the JSON, and the legend says what the marks mean"""
    args = ['report', 'mx', 'us', '--ruleset', 'usmca', '--evidence-max-age', '5']
    html = run.accord_run(args, 'trust.html')
    data = json.load(open(run.accord_run(args + ['--format', 'json'], 'trust.json')))
    dom = Dom(run.dump_dom(html))
    expected = {}

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key.endswith('_marks'):
                    for mark in value:
                        expected[mark] = expected.get(mark, 0) + 1
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(data)
    legend = dom.root.find('aside', 'legend')
    shown = {}
    for span in dom.root.find('span', 'mark'):
        symbol, word = span.text().split('\u00a0')
        inside = span
        while inside is not None and inside not in legend:
            inside = inside.parent
        if inside is None:
            shown[word] = shown.get(word, 0) + 1
    print('trust marks: %s' % ', '.join('%s %d' % m for m in sorted(shown.items())))
    check(shown == expected, 'trust: marks %s, the JSON has %s' % (shown, expected))
    check(shown.get('stale', 0) > 0 and shown.get('not-counted', 0) > 0,
          'trust: no stale or not-counted mark')
    words = dict(zip([dt.text() for dt in legend[0].find('dt')],
                     [dd.text() for dd in legend[0].find('dd')])) if legend else {}
    check('\u26a0\u00a0stale' in words and '\u2298\u00a0not-counted' in words,
          'trust: the legend does not explain stale and not-counted: %s' % words)


def check_hostile_input(run, keep):
    base = ['--vocabulary', 'good/vocabulary.xml', '--ruleset', 'good/ruleset.xml']
    pages = [run.accord_run(['report'] + base + ['good/profile-xss.xml'], 'hostile.html'),
             run.accord_run(['gaps', '--format', 'html'] + base + ['good/profile-xss.xml'],
                            'hostile-gaps.html')]
    for html in pages:
        name = os.path.basename(html)
        dom = Dom(run.dump_dom(html))
        elements = list(dom.root.walk())
        check(not [e for e in elements if e.tag in ('script', 'img', 'iframe', 'object')],
              '%s: a script, image, frame or object element' % name)
        check(not [e for e in elements for a in e.attrs if a.startswith('on')],
              '%s: an on* attribute' % name)
        bad = [e.attrs.get('href') for e in elements if e.tag == 'a' and not re.match(
            r'(https?://|#s\d+$)', e.attrs.get('href') or '')]
        check(not bad, '%s: links that are not http(s) or a section: %s' % (name, bad))
        text = dom.root.text()
        check('<script>alert(1)</script>' in text, '%s: the evidence title is not shown' % name)
        check('Testland <img src=x onerror=alert(2)>' in text, '%s: the name is not shown' % name)
        check('?\u00a0low-confidence' in text, '%s: the low-confidence mark is missing' % name)
    check_not_blank(run.screenshot(pages[0], os.path.join(run.work, 'hostile.png')), 'hostile')


def check_every_verb_well_formed(run):
    base = ['--format', 'html', '--vocabulary', 'good/vocabulary.xml']
    rs = ['--ruleset', 'good/ruleset.xml']
    a, b = 'good/profile-a.xml', 'good/profile-b.xml'
    commands = {'score': ['score'] + base + rs + [a],
                'explain': ['score', '--explain'] + base + rs + [a],
                'gaps': ['gaps'] + base + rs + [a],
                'rank': ['rank'] + base + rs + [a, b, 'good/profile-c.xml'],
                'compare': ['compare'] + base + rs + [a, b],
                'roadmap': ['roadmap'] + base + rs + [a],
                'diff': ['diff'] + base + rs + ['good/diff-old.xml', 'good/diff-new.xml'],
                'validate': ['validate'] + base + ['good/ruleset.xml', a]}
    for verb, args in commands.items():
        text = open(run.accord_run(args, 'verb-%s.html' % verb), encoding='utf-8').read()
        dom = Dom(text, strict=True)
        check(not dom.errors and len(dom.stack) == 1,
              '%s --format html is not well formed: %s, unclosed %s' % (
                  verb, dom.errors[:3], [e.tag for e in dom.stack[1:]]))
        check(text.startswith('<!DOCTYPE html>\n') and dom.root.find('h1'),
              '%s --format html has no doctype or heading' % verb)
    again = run.accord_run(commands['compare'], 'verb-compare-again.html')
    check(open(again, 'rb').read() == open(os.path.join(run.work, 'verb-compare.html'),
                                             'rb').read(), 'compare html differs on rerun')


def main():
    accord, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    keep = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == '--keep' else None
    chromium = shutil.which('chromium') or shutil.which('chromium-browser')
    if chromium is None:
        print('skipped: chromium is not installed (.ci/packages lists it)')
        return SKIP
    for tool in ('pdfinfo', 'pdftotext', 'timeout'):
        if shutil.which(tool) is None:
            print('FAIL: %s is not installed (poppler-utils, coreutils; .ci/packages)' % tool)
            return 1
    work = tempfile.mkdtemp(prefix='accord-browser-')
    try:
        run = Runner(accord, source, work, chromium)
        check_every_verb_well_formed(run)
        check_one_country(run, keep)
        check_two_countries(run, keep)
        check_hostile_input(run, keep)
        check_trust_marks(run, keep)
        check_every_country(run, keep)
        if keep:
            os.makedirs(keep, exist_ok=True)
            for f in os.listdir(work):
                if f.endswith(('.html', '.png', '.pdf', '.json')):
                    shutil.copy(os.path.join(work, f), keep)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print('browser checks: %d failed' % len(failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
