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


# --- LibreOffice as other producers lay out: Word-style and InDesign-style -----------------------------------------

WORD_HEADER = '园区周报 · 2023年5月4期 · 总第121期'
# the article whose body a manual page break pushes to the next page, leaving its title at the foot of a page
WORD_TITLE_AT_FOOT = 20


def odt_document(styles, automatic, masters, body):
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


def paragraph_style(name, size, para='', text='', parent='Standard', master=None, inner=''):
    master_attr = ' style:master-page-name="' + master + '"' if master else ''
    return ('<style:style style:name="{0}" style:family="paragraph" style:parent-style-name="{1}"{2}>'
            '<style:paragraph-properties {3}>{4}</style:paragraph-properties><style:text-properties fo:font-size="{5}pt" '
            'style:font-size-asian="{5}pt" {6}/></style:style>').format(name, parent, master_attr, para, inner, size, text)


def default_style(size, line_height):
    text_props = ('style:font-name="{0}" style:font-name-asian="{0}" fo:language="zh" fo:country="CN" '
                  'style:language-asian="zh" style:country-asian="CN"').format(FONT)
    return ('<style:default-style style:family="paragraph"><style:paragraph-properties fo:line-height="'
            + line_height + '"/><style:text-properties ' + text_props + ' fo:font-size="' + str(size)
            + 'pt" style:font-size-asian="' + str(size) + 'pt"/></style:default-style>')


def page_layout(name, top, bottom, inner, outer, mirrored=False):
    usage = ' style:page-usage="mirrored"' if mirrored else ''
    return ('<style:page-layout style:name="' + name + '"' + usage + '><style:page-layout-properties '
            'fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="' + top + '" fo:margin-bottom="' + bottom
            + '" fo:margin-left="' + inner + '" fo:margin-right="' + outer + '"/>'
            '<style:header-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-bottom="0.4cm" '
            'fo:border-bottom="0.5pt solid #000000" fo:padding-bottom="0.1cm"/></style:header-style>'
            '<style:footer-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-top="0.4cm"/>'
            '</style:footer-style></style:page-layout>')


def word_odt(articles, pages):
    """Word-style: Word's default margins, a running header with the issue number, 第 N 页 footers from 1 on the
    first article page, a table of contents numbered 1.1, 1.2 under each numbered section with dotted tab leaders
    to right-aligned page numbers, and one title left at the foot of a page by a manual page break."""
    e = html.escape
    body = ['<text:p text:style-name="PCover">园区周报</text:p>',
            '<text:p text:style-name="CoverIssue">' + e(ISSUE_LINE) + '</text:p>',
            '<text:p text:style-name="CoverSlogan">汇总一周“园区”资讯 ● 把握最新行业动态</text:p>',
            '<text:p text:style-name="PTocStart">目录</text:p>']
    for i, section in enumerate(sections_of(articles)):
        members = [a for a in articles if a['section'] == section]
        body.append('<text:p text:style-name="Toc1">' + NUMERALS[i] + '、' + e(section) + '<text:tab/>'
                    + str(pages.get(members[0]['ordinal'], 0)) + '</text:p>')
        for n, a in enumerate(members, 1):
            body.append('<text:p text:style-name="Toc2">' + str(i + 1) + '.' + str(n) + ' ' + e(a['tocTitle'])
                        + '<text:tab/>' + str(pages.get(a['ordinal'], 0)) + '</text:p>')
    for i, section in enumerate(sections_of(articles)):
        body.append('<text:p text:style-name="' + ('PFirstSection' if i == 0 else 'Section') + '">' + NUMERALS[i]
                    + '、' + e(section) + '</text:p>')
        for a in [a for a in articles if a['section'] == section]:
            body.append('<text:p text:style-name="ArticleTitle">●' + e(a['title']) + '</text:p>')
            for k, p in enumerate(paragraphs(a)):
                style = 'PBreakText' if (k == 0 and a['ordinal'] == WORD_TITLE_AT_FOOT) else 'Text'
                body.append('<text:p text:style-name="' + style + '">' + e(p) + '</text:p>')
    body.append('<text:p text:style-name="Note">' + e(CLOSING_NOTE) + '</text:p>')
    leader_tab = ('<style:tab-stops><style:tab-stop style:position="{0}" style:type="right" '
                  'style:leader-style="dotted" style:leader-text="."/></style:tab-stops>')
    styles = [
        default_style(10.5, '150%'),
        '<style:style style:name="Standard" style:family="paragraph"/>',
        paragraph_style('CoverIssue', 16, 'fo:text-align="center" fo:margin-top="0.3cm"'),
        paragraph_style('CoverSlogan', 12, 'fo:text-align="center" fo:margin-top="1cm"'),
        paragraph_style('Toc1', 12, 'fo:margin-top="0.2cm"', 'fo:font-weight="bold" style:font-weight-asian="bold"',
                        inner=leader_tab.format('14.65cm')),
        paragraph_style('Toc2', 10.5, 'fo:margin-left="0.74cm"', inner=leader_tab.format('13.91cm')),
        paragraph_style('Section', 16, 'fo:margin-top="0.4cm" fo:margin-bottom="0.2cm"',
                        'fo:font-weight="bold" style:font-weight-asian="bold"'),
        paragraph_style('ArticleTitle', 14, 'fo:margin-top="0.4cm" fo:margin-bottom="0.1cm"',
                        'fo:font-weight="bold" style:font-weight-asian="bold"'),
        paragraph_style('Text', 10.5, 'fo:text-indent="0.74cm" fo:text-align="justify"'),
        paragraph_style('Note', 9, 'fo:text-indent="0.6cm" fo:margin-top="0.6cm"'),
        paragraph_style('Header', 9, 'fo:text-align="center"'),
        paragraph_style('Footer', 9, 'fo:text-align="center"'),
    ]
    automatic = [
        page_layout('A4', '2.54cm', '2.54cm', '3.17cm', '3.17cm'),
        paragraph_style('PCover', 44, 'fo:text-align="center" fo:margin-top="6cm"', master='Cover'),
        paragraph_style('PTocStart', 16, 'fo:text-align="center" fo:margin-bottom="0.4cm"', master='Toc'),
        paragraph_style('PFirstSection', 16, 'fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" style:page-number="1"',
                        'fo:font-weight="bold" style:font-weight-asian="bold"', master='Main'),
        paragraph_style('PBreakText', 10.5, 'fo:text-indent="0.74cm" fo:text-align="justify" fo:break-before="page"',
                        parent='Text'),
    ]
    header = '<style:header><text:p text:style-name="Header">' + WORD_HEADER + '</text:p></style:header>'
    masters = [
        '<style:master-page style:name="Cover" style:page-layout-name="A4"/>',
        '<style:master-page style:name="Toc" style:page-layout-name="A4">' + header + '</style:master-page>',
        '<style:master-page style:name="Main" style:page-layout-name="A4">' + header
        + '<style:footer><text:p text:style-name="Footer">第 <text:page-number text:select-page="current"/> 页'
        + '</text:p></style:footer></style:master-page>',
    ]
    return odt_document(styles, automatic, masters, body)


def indesign_odt(articles, pages):
    """InDesign-style: a magazine page, a two-column body with a rule between the columns, running header with the
    masthead and the issue on one line over a rule, the page number at the outer edge of mirrored pages (the cover
    counts: printed = physical), a table of contents with ▶ bullets and page numbers set right."""
    e = html.escape
    body = ['<text:p text:style-name="PCover">园区周报</text:p>',
            '<text:p text:style-name="CoverIssue">' + e(ISSUE_LINE) + '</text:p>',
            '<text:p text:style-name="CoverSlogan">园区世界 www.parkworld.net</text:p>',
            '<text:p text:style-name="PTocStart">本期目录</text:p>']
    for i, section in enumerate(sections_of(articles)):
        members = [a for a in articles if a['section'] == section]
        body.append('<text:p text:style-name="Toc1">' + NUMERALS[i] + '、' + e(section) + '<text:tab/>'
                    + str(pages.get(members[0]['ordinal'], 0)) + '</text:p>')
        for a in members:
            body.append('<text:p text:style-name="Toc2">▶ ' + e(a['tocTitle']) + '<text:tab/>'
                        + str(pages.get(a['ordinal'], 0)) + '</text:p>')
    body.append('<text:section text:style-name="TwoColumns" text:name="Body">')
    for i, section in enumerate(sections_of(articles)):
        body.append('<text:p text:style-name="' + ('PFirstSection' if i == 0 else 'Section') + '">' + NUMERALS[i]
                    + '、' + e(section) + '</text:p>')
        for a in [a for a in articles if a['section'] == section]:
            body.append('<text:p text:style-name="ArticleTitle">●' + e(a['title']) + '</text:p>')
            body.extend('<text:p text:style-name="Text">' + e(p) + '</text:p>' for p in paragraphs(a))
    body.append('<text:p text:style-name="Note">' + e(CLOSING_NOTE) + '</text:p>')
    body.append('</text:section>')
    right_tab = '<style:tab-stops><style:tab-stop style:position="{0}" style:type="right"/></style:tab-stops>'
    styles = [
        default_style(9.5, '135%'),
        '<style:style style:name="Standard" style:family="paragraph"/>',
        paragraph_style('CoverIssue', 18, 'fo:text-align="center" fo:margin-top="0.3cm"'),
        paragraph_style('CoverSlogan', 12, 'fo:text-align="center" fo:margin-top="1cm"'),
        paragraph_style('Toc1', 13, 'fo:margin-top="0.3cm"', inner=right_tab.format('16.2cm')),
        paragraph_style('Toc2', 11, 'fo:margin-left="0.5cm" fo:line-height="160%"', inner=right_tab.format('15.7cm')),
        paragraph_style('Section', 14, 'fo:margin-top="0.3cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"'),
        paragraph_style('ArticleTitle', 11.5, 'fo:margin-top="0.25cm" fo:margin-bottom="0.08cm"',
                        'fo:font-weight="bold" style:font-weight-asian="bold"'),
        paragraph_style('Text', 9.5, 'fo:text-indent="0.67cm" fo:text-align="justify" fo:margin-bottom="0.05cm"'),
        paragraph_style('Note', 8, 'fo:text-indent="0.56cm" fo:margin-top="0.4cm"'),
        paragraph_style('Header', 8.5, '', inner=right_tab.format('17cm')),
        paragraph_style('FooterRight', 9, 'fo:text-align="end"'),
        paragraph_style('FooterLeft', 9, 'fo:text-align="start"'),
    ]
    automatic = [
        page_layout('Magazine', '1.5cm', '1.5cm', '2cm', '2cm', mirrored=True),
        '<style:style style:name="TwoColumns" style:family="section"><style:section-properties>'
        '<style:columns fo:column-count="2" fo:column-gap="0.7cm"><style:column-sep style:width="0.02cm" '
        'style:color="#808080" style:height="100%" style:vertical-align="top"/></style:columns>'
        '</style:section-properties></style:style>',
        paragraph_style('PCover', 54, 'fo:text-align="center" fo:margin-top="7cm"', master='Cover'),
        paragraph_style('PTocStart', 18, 'fo:text-align="center" fo:margin-bottom="0.5cm"', master='Toc'),
        paragraph_style('PFirstSection', 14, 'fo:margin-bottom="0.15cm" fo:keep-with-next="always"', master='Main'),
    ]
    header = ('<style:header><text:p text:style-name="Header">园区周报<text:tab/>' + e(ISSUE_LINE)
              + '</text:p></style:header>')
    number = '<text:page-number text:select-page="current"/>'
    masters = [
        '<style:master-page style:name="Cover" style:page-layout-name="Magazine"/>',
        '<style:master-page style:name="Toc" style:page-layout-name="Magazine">' + header
        + '<style:footer><text:p text:style-name="FooterRight">' + number + '</text:p></style:footer>'
        + '<style:footer-left><text:p text:style-name="FooterLeft">' + number + '</text:p></style:footer-left>'
        + '</style:master-page>',
        '<style:master-page style:name="Main" style:page-layout-name="Magazine">' + header
        + '<style:footer><text:p text:style-name="FooterRight">' + number + '</text:p></style:footer>'
        + '<style:footer-left><text:p text:style-name="FooterLeft">' + number + '</text:p></style:footer-left>'
        + '</style:master-page>',
    ]
    return odt_document(styles, automatic, masters, body)


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
            if at < 0 and page == position[0]:
                # two columns: pdftotext may read a column's lines in another order than the text flows
                at = texts[page].find(needle)
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


LAYOUTS = ('chromium-toc-on-cover', 'libreoffice-numbered-toc', 'word-style', 'indesign-style')


def main():
    """Renders the layouts named as arguments, all without any."""
    chosen = sys.argv[1:] or LAYOUTS
    unknown = [name for name in chosen if name not in LAYOUTS]
    if unknown:
        sys.exit('unknown layouts %s; known: %s' % (unknown, ', '.join(LAYOUTS)))
    articles = load_articles()
    if 'word-style' in chosen:
        # Word numbers the pages from 1 on the first article page
        build('word-style', articles, '.fodt', word_odt, render_soffice, lambda first: first)
    if 'indesign-style' in chosen:
        # the cover is page 1, as magazines count
        build('indesign-style', articles, '.fodt', indesign_odt, render_soffice, lambda first: 0)
    # The whole issue: Chromium numbers every page (第 N 页), so printed = physical.
    if 'chromium-toc-on-cover' in chosen:
        build('chromium-toc-on-cover', articles, '.html', chromium_html, render_chromium, lambda first: 0)
    # A subset: LibreOffice restarts the page numbers at 1 on the first article page, like the real issue.
    if 'libreoffice-numbered-toc' in chosen:
        build('libreoffice-numbered-toc', subset(articles, set(range(1, 13)) | {27, 28, 29, 33, 39, 40, 43}), '.fodt',
              odt, render_soffice, lambda first: first)


if __name__ == '__main__':
    main()
