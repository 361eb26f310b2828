#!/usr/bin/env python3
"""Renders the fixture issue's own content (issue-121.expected.json) as other PDF producers lay it out.

Writes, next to this script, for each layout: its source (HTML for Chromium, flat ODT for LibreOffice), the PDF,
and <layout>.pages.json (the printed page of each article's title, read back from the PDF with pdftotext).
The PDFs are checked in, so the tests need none of the tools; run this only to change a layout.

Needs: chromium, soffice (libreoffice-writer-nogui), pdftotext (poppler-utils) and a CJK font
(fonts-wqy-zenhei, fonts-droid-fallback). See README.md.

Each layout is rendered twice: the first pass finds the page every title landed on, the second prints those
numbers in the table of contents (neither producer computes them from plain HTML/ODT text).
"""

import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, '..', '..', '..', '..', '..', 'test-support', 'src', 'main', 'resources', 'fixtures',
                       'issue-121.expected.json')
# LibreOffice subsets this TrueType collection; Chromium embeds it whole (9 MB), so it gets a single TrueType face
FONT = 'WenQuanYi Zen Hei'
CHROMIUM_FONT = 'Droid Sans Fallback'
ISSUE_LINE = '2023年5月4期 (总121期)'
RUNNING_HEADER = '园区周报 2023年5月4期'
NUMERALS = '一二三四五六七八九十'
CLOSING_NOTE = ('注：“园区周报”的内容，均根据公开信息梳理而成，仅供学习交流，严禁用于商业用途，如有异议，请联系我们。'
                '更多期“园区周报”内容，请登录园区世界网（www.parkworld.net）浏览及下载。')


def load_articles():
    with open(FIXTURE, encoding='utf-8') as f:
        return json.load(f)['articles']


def subset(articles, ordinals):
    return [a for a in articles if a['ordinal'] in ordinals]


def sections_of(articles):
    names = []
    for a in articles:
        if a['section'] not in names:
            names.append(a['section'])
    return names


def paragraphs(article):
    """Lead (if any) and the ■ body paragraphs, as printed."""
    result = []
    if article['lead']:
        result.append(article['lead'])
    result.extend('■' + p for p in article['body'].split('\n'))
    return result


def compact(text):
    return re.sub(r'\s+', '', text)


# --- Chromium: HTML, table of contents starting on the cover, no dot leaders -------------------------------------

def chromium_html(articles, pages):
    e = html.escape
    out = ['<!DOCTYPE html>', '<html lang="zh-CN"><head><meta charset="utf-8"><title>园区周报</title><style>',
           '@page { size: A4; margin: 20mm 20mm 18mm 22mm;',
           '  @top-right { content: "' + RUNNING_HEADER + '"; font-size: 9pt; }',
           '  @bottom-center { content: "第 " counter(page) " 页"; font-size: 10pt; } }',
           '@page :first { @top-right { content: none; } @bottom-center { content: none; } }',
           'body { font-family: "' + CHROMIUM_FONT + '"; font-size: 11pt; line-height: 1.55; margin: 0; }',
           'h1 { font-size: 40pt; text-align: center; margin: 10mm 0 4mm; font-weight: normal; }',
           '.issue { font-size: 15pt; text-align: center; margin: 0; }',
           '.slogan { font-size: 12pt; text-align: center; margin: 2mm 0 8mm; }',
           '.contents { font-size: 16pt; text-align: center; margin: 0 0 3mm; }',
           '.toc p { font-size: 10.5pt; margin: 0; line-height: 1.45; }',
           '.articles { break-before: page; }',
           'h2 { font-size: 15pt; font-weight: normal; margin: 5mm 0 2mm; }',
           'p.title { font-size: 12.5pt; margin: 4mm 0 1mm; }',
           'p.text { text-indent: 2em; margin: 0 0 1mm; text-align: justify; }',
           'p.note { font-size: 8.5pt; text-indent: 2em; margin-top: 6mm; }',
           '</style></head><body>',
           '<h1>园区周报</h1>', '<p class="issue">' + e(ISSUE_LINE) + '</p>',
           '<p class="slogan">汇总一周“园区”资讯 ● 把握最新行业动态</p>',
           '<p class="contents">目录</p>', '<div class="toc">']
    for i, section in enumerate(sections_of(articles)):
        members = [a for a in articles if a['section'] == section]
        # the page number follows the entry after a single space: no leaders, no tab, no gap
        out.append('<p>' + NUMERALS[i] + '、' + e(section) + ' ' + str(pages.get(members[0]['ordinal'], 0)) + '</p>')
        for a in members:
            out.append('<p>●' + e(a['tocTitle']) + ' ' + str(pages.get(a['ordinal'], 0)) + '</p>')
    out.append('</div><div class="articles">')
    for i, section in enumerate(sections_of(articles)):
        out.append('<h2>' + NUMERALS[i] + '、' + e(section) + '</h2>')
        for a in [a for a in articles if a['section'] == section]:
            out.append('<p class="title">●' + e(a['title']) + '</p>')
            out.extend('<p class="text">' + e(p) + '</p>' for p in paragraphs(a))
    out.append('<p class="note">' + e(CLOSING_NOTE) + '</p>')
    out.append('</div></body></html>')
    return '\n'.join(out) + '\n'


def render_chromium(source, pdf):
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
                        '--no-first-run', '--no-pdf-header-footer', '--user-data-dir=' + profile,
                        '--print-to-pdf=' + pdf, 'file://' + source], check=True, capture_output=True, timeout=120)


# --- LibreOffice: flat ODT, cover alone, numbered table of contents over two pages, page number after a tab -------

def odt(articles, pages):
    e = html.escape
    body = []
    body.append('<text:p text:style-name="PCover">园区周报</text:p>')
    body.append('<text:p text:style-name="CoverIssue">' + e(ISSUE_LINE) + '</text:p>')
    body.append('<text:p text:style-name="CoverSlogan">园区世界 www.parkworld.net</text:p>')
    body.append('<text:p text:style-name="PTocStart">目录</text:p>')
    number = 0
    for i, section in enumerate(sections_of(articles)):
        members = [a for a in articles if a['section'] == section]
        body.append('<text:p text:style-name="TocEntry">' + NUMERALS[i] + '、' + e(section) + '<text:tab/>'
                    + str(pages.get(members[0]['ordinal'], 0)) + '</text:p>')
        for a in members:
            number += 1
            # numbered entries; the page number after a right-aligned tab stop without leaders
            body.append('<text:p text:style-name="TocEntry">' + str(number) + '. ' + e(a['tocTitle']) + '<text:tab/>'
                        + str(pages.get(a['ordinal'], 0)) + '</text:p>')
    for i, section in enumerate(sections_of(articles)):
        style = 'PFirstSection' if i == 0 else 'Section'
        body.append('<text:p text:style-name="' + style + '">' + NUMERALS[i] + '、' + e(section) + '</text:p>')
        for a in [a for a in articles if a['section'] == section]:
            body.append('<text:p text:style-name="ArticleTitle">●' + e(a['title']) + '</text:p>')
            body.extend('<text:p text:style-name="Text">' + e(p) + '</text:p>' for p in paragraphs(a))
    body.append('<text:p text:style-name="Note">' + e(CLOSING_NOTE) + '</text:p>')
    text_props = ('style:font-name="{0}" style:font-name-asian="{0}" fo:language="zh" fo:country="CN" '
                  'style:language-asian="zh" style:country-asian="CN"').format(FONT)

    def para(name, size, extra_para='', extra_text='', parent='Standard'):
        return ('<style:style style:name="{0}" style:family="paragraph" style:parent-style-name="{4}">'
                '<style:paragraph-properties {2}/><style:text-properties fo:font-size="{1}pt" '
                'style:font-size-asian="{1}pt" {3}/></style:style>').format(name, size, extra_para, extra_text, parent)

    styles = [
        '<style:default-style style:family="paragraph"><style:paragraph-properties fo:line-height="145%"/>'
        '<style:text-properties ' + text_props + ' fo:font-size="11pt" style:font-size-asian="11pt"/></style:default-style>',
        '<style:style style:name="Standard" style:family="paragraph"/>',
        para('CoverIssue', 16, 'fo:text-align="center" fo:margin-top="0.3cm"'),
        para('CoverSlogan', 12, 'fo:text-align="center" fo:margin-top="1cm"'),
        para('TocHeading', 16, 'fo:text-align="center" fo:margin-bottom="0.4cm"'),
        para('TocEntry', 12, 'fo:line-height="210%"'),
        para('Section', 16, 'fo:margin-top="0.4cm" fo:margin-bottom="0.2cm"'),
        para('ArticleTitle', 13, 'fo:margin-top="0.3cm" fo:margin-bottom="0.1cm"',
             'fo:font-weight="bold" style:font-weight-asian="bold"'),
        para('Text', 11, 'fo:text-indent="0.78cm" fo:text-align="justify" fo:margin-bottom="0.1cm"'),
        para('Note', 8.5, 'fo:text-indent="0.6cm" fo:margin-top="0.6cm"'),
        para('Header', 9, 'fo:text-align="end"'),
        para('Footer', 10, 'fo:text-align="center"'),
    ]
    automatic = [
        '<style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" '
        'fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"/>'
        '<style:header-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-bottom="0.5cm"/>'
        '</style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.5cm" '
        'fo:margin-top="0.5cm"/></style:footer-style></style:page-layout>',
        '<style:style style:name="TocTabs" style:family="paragraph"/>',
        para('PCover', 44, 'fo:text-align="center" fo:margin-top="6cm"').replace(
            'style:parent-style-name="Standard"', 'style:parent-style-name="Standard" style:master-page-name="Cover"'),
        para('PTocStart', 16, 'fo:text-align="center" fo:margin-bottom="0.4cm"').replace(
            'style:parent-style-name="Standard"', 'style:parent-style-name="Standard" style:master-page-name="Toc"'),
        para('PFirstSection', 16, 'fo:margin-bottom="0.2cm" style:page-number="1"').replace(
            'style:parent-style-name="Standard"', 'style:parent-style-name="Standard" style:master-page-name="Main"'),
    ]
    # right-aligned tab stop at the right margin for the TOC page numbers
    styles[5] = styles[5].replace('<style:paragraph-properties fo:line-height="210%"/>',
                                  '<style:paragraph-properties fo:line-height="210%"><style:tab-stops>'
                                  '<style:tab-stop style:position="16.6cm" style:type="right"/></style:tab-stops>'
                                  '</style:paragraph-properties>')
    header = '<style:header><text:p text:style-name="Header">' + RUNNING_HEADER + '</text:p></style:header>'
    masters = [
        '<style:master-page style:name="Cover" style:page-layout-name="A4"/>',
        '<style:master-page style:name="Toc" style:page-layout-name="A4">' + header + '</style:master-page>',
        '<style:master-page style:name="Main" style:page-layout-name="A4">' + header
        + '<style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current"/>'
        + '</text:p></style:footer></style:master-page>',
    ]
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
            'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
            'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">\n'
            '<office:font-face-decls><style:font-face style:name="' + FONT + '" svg:font-family="\'' + FONT
            + '\'"/></office:font-face-decls>\n'
            '<office:styles>\n' + '\n'.join(styles) + '\n</office:styles>\n'
            '<office:automatic-styles>\n' + '\n'.join(automatic) + '\n</office:automatic-styles>\n'
            '<office:master-styles>\n' + '\n'.join(masters) + '\n</office:master-styles>\n'
            '<office:body><office:text>\n' + '\n'.join(body) + '\n</office:text></office:body></office:document>\n')


def render_soffice(source, pdf):
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(['soffice', '-env:UserInstallation=file://' + work + '/profile', '--headless',
                        '--convert-to', 'pdf', '--outdir', work, source], check=True, capture_output=True, timeout=180)
        shutil.move(os.path.join(work, os.path.splitext(os.path.basename(source))[0] + '.pdf'), pdf)


# --- reading the pages back ----------------------------------------------------------------------------------------

def page_texts(pdf):
    text = subprocess.run(['pdftotext', '-enc', 'UTF-8', pdf, '-'], check=True, capture_output=True).stdout
    return [compact(p) for p in text.decode('utf-8').split('\f')]


def title_pages(pdf, articles, printed_offset):
    """Physical page of each article's ● title in the body (after the table of contents), minus printed_offset."""
    texts = page_texts(pdf)
    # the table of contents ends on the page that lists the last article
    last_entry = compact(articles[-1]['tocTitle'])
    last_toc = min(i for i, t in enumerate(texts) if last_entry in t)
    found = {}
    position = (last_toc + 1, 0)
    for a in articles:
        needle = '●' + compact(a['title'])[:10]
        page, offset = position
        while page < len(texts):
            at = texts[page].find(needle, offset if page == position[0] else 0)
            if at >= 0:
                break
            page += 1
        if page >= len(texts):
            sys.exit('title of article %d not found in %s' % (a['ordinal'], pdf))
        position = (page, at + 1)
        found[a['ordinal']] = page + 1 - printed_offset
    return found, last_toc + 1  # 0-based index of the first article page


def build(name, articles, source_ext, write_source, render, offset_of):
    source = os.path.join(HERE, name + source_ext)
    pdf = os.path.join(HERE, name + '.pdf')
    pages = {}
    for _ in range(2):
        with open(source, 'w', encoding='utf-8') as f:
            f.write(write_source(articles, pages))
        render(source, pdf)
        physical, first_article_page = title_pages(pdf, articles, 0)
        offset = offset_of(first_article_page)
        new_pages = {k: v - offset for k, v in physical.items()}
        if new_pages == pages:
            break
        pages = new_pages
    with open(os.path.join(HERE, name + '.pages.json'), 'w', encoding='utf-8') as f:
        json.dump({str(k): v for k, v in sorted(pages.items())}, f, indent=1)
        f.write('\n')
    print('%s: %d articles, %d bytes' % (pdf, len(articles), os.path.getsize(pdf)))


def main():
    articles = load_articles()
    # The whole issue: Chromium numbers every page (第 N 页), so printed = physical.
    build('chromium-toc-on-cover', articles, '.html', chromium_html, render_chromium, lambda first: 0)
    # A subset: LibreOffice restarts the page numbers at 1 on the first article page, like the real issue.
    chosen = subset(articles, set(range(1, 13)) | {27, 28, 29, 33, 39, 40, 43})
    build('libreoffice-numbered-toc', chosen, '.fodt', odt, render_soffice, lambda first: first)


if __name__ == '__main__':
    main()
