// HTML main-content extraction: hand-written pages for the selection rules, metadata from
// markup, and hostile input (deep nesting, broken markup, empty pages).
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <string>

#include "clean/blocks.h"
#include "clean/clean.h"
#include "clean/html_prepare.h"

using namespace sitrep;

namespace {

// The text of the blocks the extractor kept (no reason, not a caption).
std::string kept_text(const HtmlPage& p) {
  std::string out;
  for (const auto& b : p.blocks)
    if (b.reason.empty() && !b.caption) out += b.text + "\n";
  return out;
}

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

const char* kArticlePage = R"(<!doctype html><html><head><title>Talks resume | Example Times</title></head>
<body class="page">
<header><nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li></ul></nav></header>
<div class="layout">
<div id="content" class="article-content">
<h1>Talks resume after a week of silence</h1>
<p class="dateline">March 3, 2020</p>
<p>Negotiators from both governments met in Geneva on Tuesday, resuming talks that had stalled
for a week over the question of prisoner exchanges, officials said.</p>
<figure><img src="a.jpg"><figcaption>The delegations arrive in Geneva. (Photo: Reuters)</figcaption></figure>
<p>The foreign minister said the meeting was constructive, although no agreement was reached
on the timetable, and further rounds are planned for next month.</p>
<ul><li>Prisoner exchanges were the main topic, with both sides presenting lists.</li></ul>
<div class="share-buttons"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
</div>
<aside class="sidebar"><h3>Most read</h3>
<p>Another long story about something else entirely, which is popular and has many words in it, really.</p>
</aside>
</div>
<div id="comments" class="comments-area"><h3>3 comments</h3>
<div class="comment"><p>I think this is a terrible idea and the negotiators should all resign immediately, frankly.</p></div>
<div class="comment"><p>Great reporting, thank you for writing this article, it was very informative indeed.</p></div>
</div>
<footer class="site-footer"><p>Copyright 2020 Example Times. All rights reserved.</p></footer>
</body></html>)";

}  // namespace

TEST(HtmlExtract, ChoosesArticleOverNavSidebarAndComments) {
  HtmlPage p = extract_html(kArticlePage);
  std::string body = kept_text(p);
  EXPECT_TRUE(has(body, "Negotiators from both governments met in Geneva")) << body;
  EXPECT_TRUE(has(body, "the meeting was constructive")) << body;
  EXPECT_TRUE(has(body, "Prisoner exchanges were the main topic")) << body;
  EXPECT_FALSE(has(body, "Politics")) << body;
  EXPECT_FALSE(has(body, "Another long story")) << body;
  EXPECT_FALSE(has(body, "terrible idea")) << body;
  EXPECT_FALSE(has(body, "Great reporting")) << body;
  EXPECT_FALSE(has(body, "All rights reserved")) << body;
  EXPECT_FALSE(has(body, "Facebook")) << body;
  for (const auto& b : p.blocks) {
    if (has(b.text, "terrible idea")) {
      EXPECT_EQ(b.reason, "reader comments");
    }
  }
}

TEST(HtmlExtract, BlocksCarryKindsAndReadingOrder) {
  HtmlPage p = extract_html(kArticlePage);
  int heading = -1, first = -1, second = -1;
  for (size_t i = 0; i < p.blocks.size(); ++i) {
    const Block& b = p.blocks[i];
    if (has(b.text, "Talks resume after")) {
      heading = static_cast<int>(i);
      EXPECT_EQ(b.kind, BlockKind::Heading);
      EXPECT_EQ(b.heading_level, 1);
    }
    if (has(b.text, "Negotiators from")) first = static_cast<int>(i);
    if (has(b.text, "constructive")) second = static_cast<int>(i);
    if (has(b.text, "Prisoner exchanges")) {
      EXPECT_EQ(b.kind, BlockKind::ListItem);
    }
    if (b.text == "Home") {
      EXPECT_TRUE(b.link_heavy);
    }
  }
  ASSERT_GE(heading, 0);
  EXPECT_LT(heading, first);
  EXPECT_LT(first, second);
}

TEST(HtmlExtract, FigcaptionIsCaption) {
  HtmlPage p = extract_html(kArticlePage);
  bool found = false;
  for (const auto& b : p.blocks) {
    if (has(b.text, "The delegations arrive in Geneva")) {
      found = true;
      EXPECT_TRUE(b.caption);
      EXPECT_EQ(b.kind, BlockKind::Caption);
    }
  }
  EXPECT_TRUE(found);
  auto doc = clean_record(RawRecord{"page.html", "", "html", Markup::Html, kArticlePage, "", {}});
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  ASSERT_FALSE(doc->captions.empty());
  EXPECT_TRUE(has(doc->captions[0], "The delegations arrive"));
  EXPECT_FALSE(has(doc->body, "The delegations arrive"));
}

TEST(HtmlExtract, WhitespaceAndEntitiesAreNormalised) {
  HtmlPage p = extract_html(
      "<html><body><article><p>A&nbsp;line   with\n\t spaces &amp; an entity, long enough to be a paragraph "
      "of prose in the article body.</p></article></body></html>");
  std::string body = kept_text(p);
  EXPECT_TRUE(has(body, "A line with spaces & an entity, long enough")) << body;
}

TEST(HtmlExtract, MetaTagsGiveTitleDateAuthorSiteAndUrl) {
  HtmlPage p = extract_html(R"(<html><head><title>Ignored title | Site</title>
<meta property="og:title" content="Ministers meet in Ankara">
<meta property="og:site_name" content="Daily Example">
<meta property="article:published_time" content="2020-02-28T10:15:00+03:00">
<meta name="author" content="Jane Doe">
<link rel="canonical" href="https://example.com/a/1">
</head><body><p>Some text here.</p></body></html>)");
  EXPECT_EQ(p.meta.title, "Ministers meet in Ankara");
  EXPECT_EQ(p.meta.site_name, "Daily Example");
  EXPECT_EQ(p.meta.published, "2020-02-28T10:15:00+03:00");
  EXPECT_EQ(p.meta.published_evidence, "meta article:published_time");
  EXPECT_EQ(p.meta.byline, "Jane Doe");
  EXPECT_EQ(p.meta.url, "https://example.com/a/1");
}

// Only the <meta> and <link> tags extract_page_meta reads reach gumbo; a key written with
// a character reference is read after parsing, so its tag stays.
TEST(HtmlExtract, UnreadMetaAndLinkTagsAreDroppedBeforeParsing) {
  const char* head = R"(<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<link rel="stylesheet" href="/a.css"><link rel="canonical" href="https://example.com/a/2" id="c">
<meta property="og&#x3A;site_name" content="Entity Daily"><meta name="author" content="Jo Roe" class="x">
<meta name="twitter:card" content="summary"><meta itemprop="datePublished" content="2020-01-02">
<span itemprop="datePublished" content="2020-01-01" property="x" class="date">Jan 1</span>
<time datetime="2020-01-03" pubdate class="date">Jan 3</time><img src="a.jpg" class="wide" itemprop="image">
</head><body><p>Some text here.</p></body></html>)";
  auto r = prepare_markup(head, 100);
  EXPECT_FALSE(has(r.html, "viewport")) << r.html;
  EXPECT_FALSE(has(r.html, "stylesheet")) << r.html;
  EXPECT_FALSE(has(r.html, "twitter")) << r.html;
  EXPECT_FALSE(has(r.html, "charset")) << r.html;
  EXPECT_TRUE(has(r.html, "<link rel=\"canonical\" href=\"https://example.com/a/2\">")) << r.html;
  EXPECT_TRUE(has(r.html, "<meta name=\"author\" content=\"Jo Roe\">")) << r.html;
  EXPECT_TRUE(has(r.html, "<span itemprop=\"datePublished\" content=\"2020-01-01\" class=\"date\">")) << r.html;
  EXPECT_TRUE(has(r.html, "<time datetime=\"2020-01-03\" pubdate class=\"date\">")) << r.html;
  EXPECT_TRUE(has(r.html, "<img itemprop=\"image\">")) << r.html;
  HtmlPage p = extract_html(head);
  EXPECT_EQ(p.meta.site_name, "Entity Daily");
  EXPECT_EQ(p.meta.byline, "Jo Roe");
  EXPECT_EQ(p.meta.url, "https://example.com/a/2");
  EXPECT_EQ(p.meta.published, "2020-01-02");
}

// Class and id tokens that cannot weigh in the page tree or the selection are dropped
// before parsing; of the positive hints one per element is enough.
TEST(HtmlExtract, ClassTokensThatCannotWeighAreDropped) {
  auto r = prepare_markup(
      "<div class=\"flex px-4 Site-Footer text-gray-500 wp-caption-text sr-only\" id=\"main-wrap\">"
      "<span class=\"md:px-6 ad\" id=\"x12\">t</span><p class=\"header download\">u</p>"
      "<div class=\"a&amp;b c\"></div></div>"
      "<li class=\"menu-item menu-item-object-category nav-item hidden\" id=\"hidden\">",
      10);
  EXPECT_EQ(r.html,
            "<div class=\"Site-Footer text-gray-500 wp-caption-text sr-only\"><span class=\"ad\">t</span>"
            "<p>u</p><div class=\"a&amp;b c\"></div></div>"
            // "menu-item" and "nav-item" pass different tests; an id does not hide its element
            "<li class=\"menu-item nav-item hidden\">");
}

TEST(HtmlExtract, JsonLdInGraphWins) {
  HtmlPage p = extract_html(R"(<html><head><title>T - Site</title>
<meta name="date" content="2019-01-01">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Site"},
 {"@type":["NewsArticle"],"headline":"Ceasefire agreed","datePublished":"2020-03-05T18:00:00Z",
  "author":[{"@type":"Person","name":"A. Writer"}],"publisher":{"@type":"Organization","name":"Example Wire"}}]}
</script></head><body><p>x</p></body></html>)");
  EXPECT_EQ(p.meta.title, "Ceasefire agreed");
  EXPECT_EQ(p.meta.published, "2020-03-05T18:00:00Z");
  EXPECT_EQ(p.meta.published_evidence, "json-ld datePublished");
  EXPECT_EQ(p.meta.byline, "A. Writer");
  EXPECT_EQ(p.meta.site_name, "Example Wire");
}

TEST(HtmlExtract, BrokenJsonLdAndTimeElementFallback) {
  HtmlPage p = extract_html(R"(<html><head><title>Headline - Site</title>
<script type="application/ld+json">{"@type":"NewsArticle", "headline": </script></head>
<body><time datetime="2021-06-01T08:00">June 1</time><p>x</p></body></html>)");
  EXPECT_EQ(p.meta.published, "2021-06-01T08:00");
  EXPECT_EQ(p.meta.published_evidence, "time datetime");
  EXPECT_EQ(p.meta.title, "Headline");
}

TEST(HtmlExtract, DeepNestingIsFlattenedQuickly) {
  const int depth = 100000;
  std::string html = "<html><body>";
  for (int i = 0; i < depth; ++i) html += "<div>";
  html += "Deep text that is long enough to count as a paragraph of prose, with a comma, and a full stop.";
  for (int i = 0; i < depth; ++i) html += "</div>";
  html += "</body></html>";
  auto t0 = std::chrono::steady_clock::now();
  HtmlPage p = extract_html(html);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(secs, 5.0);
  EXPECT_TRUE(has(kept_text(p), "Deep text that is long enough"));
  bool noted = false;
  for (const auto& b : p.blocks) noted |= has(b.reason, "nested too deep");
  EXPECT_TRUE(noted);
}

TEST(HtmlExtract, DeepUnclosedInlineTagsGiveAClearOutcome) {
  std::string html = "<html><body><p>";
  for (int i = 0; i < 100000; ++i) html += "<b>";
  html += "bold";
  auto t0 = std::chrono::steady_clock::now();
  auto doc = clean_record(RawRecord{"deep.html", "", "html", Markup::Html, html, "", {}});
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(secs, 5.0);
  // Either a document or a rejection with a message; never a crash or a hang.
  if (!doc.ok()) {
    EXPECT_FALSE(doc.error().message.empty());
  }
}

TEST(HtmlExtract, PreparedMarkupKeepsStructureAndJsonLd) {
  auto r = prepare_markup(
      "<div><p>a<p>b<ul><li>c<li>d</ul><br><img src=x></div><script>if (a<b) {}</script>"
      "<style>p{}</style><!-- note --><script type='application/ld+json'>{}</script><svg><text>x</text></svg>",
      3);
  EXPECT_EQ(r.dropped_tags, 0u);
  EXPECT_LE(r.max_depth, 2u);
  EXPECT_EQ(r.html, "<div><p>a<p>b<ul><li>c<li>d</ul><br><img></div><script type=\"application/ld+json\">{}</script>");
  // Only the attributes the extractor reads survive; an <a>'s href loses its value.
  auto attrs = prepare_markup(
      "<div  class=\"story main\" data-x='1' style=\"display: none\"\n id=top><a href=\"/x?a=1&b=2\" target=_blank>"
      "link</a><meta property=og:title content='It\"s \"quoted\"'><p style=\"color:red\" hidden>t</p></div>",
      10);
  EXPECT_EQ(attrs.html,
            "<div class=\"story\" style=\"display: none\"><a href>link</a>"
            "<meta property=\"og:title\" content='It\"s \"quoted\"'><p hidden>t</p></div>");
  auto deep = prepare_markup("<div><div><div><div>x</div></div></div></div>", 2);
  EXPECT_EQ(deep.dropped_tags, 2u);
  EXPECT_EQ(deep.html, "<div><div>x</div></div>");
  // A quote that does not follow '=' is part of a name, as in browsers: the tag ends at '>'.
  auto broken = prepare_markup("<div id=\"ad\" \"style=\"width:300px;\"><p>kept text</p></div>", 10);
  EXPECT_EQ(broken.texts.size(), 1u);
  EXPECT_NE(broken.html.find("<p>\xF3\xB0\x80\x80</p>"), std::string::npos) << broken.html;
  auto open_script = prepare_markup("<p>text</p><script>never closed", 10);
  EXPECT_EQ(open_script.html, "<p>text</p>");
}

// Plain text reaches gumbo as one placeholder code point per run; text gumbo would change
// (character references, controls, noncharacters, broken UTF-8) or that holds markup goes
// as it is, and the whitespace around a run stays where the tree builder looks at it.
TEST(HtmlExtract, PlainTextRunsBecomePlaceholders) {
  auto r = prepare_markup(
      "<p>plain words</p><p>Fish &amp chips</p><p>bell\x07 rings</p><p>next \xC2\x85 line</p>"
      "<p>bad \xFF byte</p><p>non \xEF\xB7\x90 char</p><p>a < b or c</p><p>tiny</p>"
      "<table> \n<tr><td>  cell text  </td></tr></table>",
      10);
  ASSERT_EQ(r.texts.size(), 2u) << r.html;
  EXPECT_EQ(r.html,
            "<p>\xF3\xB0\x80\x80</p><p>Fish &amp chips</p><p>bell\x07 rings</p><p>next \xC2\x85 line</p>"
            "<p>bad \xFF byte</p><p>non \xEF\xB7\x90 char</p><p>a < b or c</p><p>tiny</p>"
            "<table>\n<tr><td> \xF3\xB0\x80\x81 </td></tr></table>");
  std::string text;
  r.texts.append_collapsed(text, "\xF3\xB0\x80\x80 and \xF3\xB0\x80\x81|\xF3\xB0\x80\x82");
  EXPECT_EQ(text, "plain words and cell text|\xF3\xB0\x80\x82");  // no run 2: left alone
  // Character references stay for gumbo to decode, the plain text around them becomes
  // placeholders; a reference without ';' depends on what follows: its run stays whole.
  auto refs = prepare_markup("<p>Fish &amp; chips & peas &#8217;s &&notit; end</p><p>AT&T &ampfoo rest</p>", 10);
  EXPECT_EQ(refs.html,
            "<p>\xF3\xB0\x80\x80&amp;\xF3\xB0\x80\x81&#8217;s &&notit; end</p>"  // short pieces stay text
            "<p>AT&T &ampfoo rest</p>");
  HtmlPage decoded = extract_html(
      "<article><p>Fish &amp; chips & peas &#8217;s &&notit; end, a paragraph long enough to be the article.</p>"
      "<p>AT&T &ampfoo rest, &#x41;&#66;C &unknown; and more text, a second paragraph of prose.</p></article>");
  EXPECT_TRUE(has(kept_text(decoded), "Fish & chips & peas \xE2\x80\x99s &\xC2\xACit; end, a paragraph"))
      << kept_text(decoded);
  EXPECT_TRUE(has(kept_text(decoded), "AT&T &foo rest, ABC &unknown; and more")) << kept_text(decoded);
  // End tags lose their attributes and are written whole; one cut off by the end stays.
  EXPECT_EQ(prepare_markup("<b>x</b class=y ><i>y</i", 10).html, "<b>x</b><i>y</i");
}

TEST(HtmlExtract, PlaceholderTextReadsBackAsParsed) {
  HtmlPage p = extract_html(
      "Stray text before the html element, long enough to be a paragraph of the page, it has commas."
      "<html><head><title>Title with &amp; entity</title>"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Fish &amp; chips   agreed\"}</script>"
      "</head><body><article><h1>The   headline</h1>"
      "<table><tr>Foster parented text that the parser moves before the table, with a comma, and a stop."
      "<td>cell</td></tr></table><pre>\n  preformatted   text\n</pre>"
      "<p>Caf\xC3\xA9 au lait, na\xC3\xAFve r\xC3\xA9sum\xC3\xA9 and \xE2\x80\x9Cquotes\xE2\x80\x9D in a long enough "
      "paragraph, with commas.</p><p>Tom&nbsp;&amp;&nbsp;Jerry and C1 \xC2\x80 control in a long paragraph, "
      "with a comma.</p></article></body></html>");
  std::string all;
  for (const auto& b : p.blocks) all += b.text + "\n";
  EXPECT_TRUE(has(all, "Stray text before the html element")) << all;
  EXPECT_TRUE(has(all, "The headline\n")) << all;
  EXPECT_LT(all.find("Foster parented text"), all.find("cell")) << all;
  EXPECT_TRUE(has(all, "preformatted text")) << all;
  EXPECT_TRUE(has(all, "Caf\xC3\xA9 au lait, na\xC3\xAFve r\xC3\xA9sum\xC3\xA9 and \xE2\x80\x9Cquotes\xE2\x80\x9D")) << all;
  EXPECT_TRUE(has(all, "Tom & Jerry and C1 \xEF\xBF\xBD control")) << all;  // gumbo's U+FFFD
  EXPECT_EQ(p.meta.title, "Fish &amp; chips agreed");  // JSON-LD is raw text: no references
}

// A page that holds code points of the placeholder planes (icon fonts use them) gets no
// placeholders: its text comes back as it was.
TEST(HtmlExtract, PagesWithPrivateUseCharactersKeepTheirText) {
  const std::string icon = "\xF3\xB0\x80\x80";  // U+F0000
  auto r = prepare_markup("<title>" + icon + " title</title><p>some plain words</p>", 10);
  EXPECT_EQ(r.texts.size(), 0u);
  HtmlPage p = extract_html("<html><head><title>" + icon + " Icon title</title></head><body><article><p>" + icon +
                            " A paragraph after an icon, long enough to be the article, with a comma, and a stop.</p>"
                            "</article></body></html>");
  EXPECT_TRUE(has(kept_text(p), icon + " A paragraph after an icon")) << kept_text(p);
  EXPECT_EQ(p.meta.title, icon + " Icon title");
}

// Past the last placeholder code point, runs go to gumbo as text.
TEST(HtmlExtract, MoreRunsThanPlaceholders) {
  std::string html = "<html><body><article>";
  for (int i = 0; i < 140000; ++i) html += "<span>w" + std::to_string(i) + "</span>";
  html += "<p>The last paragraph of a very long page, long enough to be prose, with a comma.</p></article></body></html>";
  auto r = prepare_markup(html, 100);
  EXPECT_EQ(r.texts.size(), 2u * 0xFFFE);
  HtmlPage p = extract_html(html);
  std::string all;
  for (const auto& b : p.blocks) all += b.text + "\n";
  EXPECT_TRUE(has(all, "w0w1w2")) << all.substr(0, 100);
  EXPECT_TRUE(has(all, "w139998w139999")) << all.substr(all.size() - 200);
  EXPECT_TRUE(has(all, "The last paragraph of a very long page")) << all.substr(all.size() - 200);
}

TEST(HtmlExtract, MalformedAndUnclosedMarkup) {
  HtmlPage p = extract_html(
      "<html><body><div class='story'><p>First paragraph of the story, which is not closed properly at all"
      "<p>Second paragraph, also unclosed, with <b>bold <i>and italic</b> text that overlaps, badly."
      "<table><tr><td>cell one<td>cell two</table><div><span>stray</div></span></p></p></p>");
  std::string body = kept_text(p);
  EXPECT_TRUE(has(body, "First paragraph of the story")) << body;
  EXPECT_TRUE(has(body, "bold and italic text that overlaps")) << body;
  HtmlPage garbage = extract_html("<<<>>><!-- unterminated comment <p>");
  (void)garbage;
  HtmlPage binaryish = extract_html(std::string("<p>a\0b</p>", 10));
  (void)binaryish;
}

TEST(HtmlExtract, EmptyBodyYieldsNoBlocksAndACleanRejection) {
  EXPECT_TRUE(extract_html("").blocks.empty());
  EXPECT_TRUE(extract_html("<html><head><title>Only a title</title></head><body></body></html>").blocks.empty());
  auto doc = clean_record(RawRecord{"empty.html", "", "html", Markup::Html,
                                    "<html><head><title>t</title></head><body> </body></html>", "", {}});
  ASSERT_FALSE(doc.ok());
  EXPECT_FALSE(doc.error().message.empty());
}

TEST(HtmlExtract, ScriptsStylesAndHiddenElementsAreInvisible) {
  HtmlPage p = extract_html(
      "<html><body><article><script>var x = 'script text';</script><style>.a{}</style>"
      "<div style='display: none'>hidden text</div><span class='sr-only'>Share on Facebook</span>"
      "<p>Visible paragraph of the article that is long enough to be the main content, surely.</p>"
      "</article></body></html>");
  std::string all;
  for (const auto& b : p.blocks) all += b.text + "\n";
  EXPECT_FALSE(has(all, "script text"));
  EXPECT_FALSE(has(all, "hidden text"));
  EXPECT_FALSE(has(all, "Share on Facebook"));
  EXPECT_TRUE(has(kept_text(p), "Visible paragraph"));
}

namespace sitrep {
namespace {

// Promotions of apps, channels and social accounts after an article are not article text.
TEST(CleanPrompts, AppsChannelsAndFeedbackPromptsAreDropped) {
  std::string text =
      "KINGSTON - The finance ministry said on Monday that revenue rose by four percent in the first quarter, "
      "beating the forecast it published in January.\n\n"
      "Officials said the increase came mostly from customs duties.\n\n"
      "Follow The Gleaner on Twitter and Instagram @JamaicaGleaner.\n\n"
      "For the latest stories download the Daily apps for iOS and Android.\n\n"
      "War der Artikel nützlich?\n";
  auto doc = clean_record(RawRecord{"prompts.txt", "", "txt", Markup::Text, text, "", {}});
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_NE(doc->body.find("customs duties"), std::string::npos);
  EXPECT_EQ(doc->body.find("Instagram"), std::string::npos) << doc->body;
  EXPECT_EQ(doc->body.find("iOS"), std::string::npos) << doc->body;
  EXPECT_EQ(doc->body.find("nützlich"), std::string::npos) << doc->body;
  std::set<std::string> reasons;
  for (const auto& r : doc->removed) reasons.insert(r.reason);
  EXPECT_TRUE(reasons.count("social prompt"));
  EXPECT_TRUE(reasons.count("app prompt"));
  EXPECT_TRUE(reasons.count("feedback prompt"));
}

// A site's name alone on a line is not article text; "X, photo:" is a caption's credit.
TEST(CleanPrompts, BareDomainsAndPhotoLabelsLeaveTheBody) {
  std::string text =
      "ROAD TOWN - The territory's premier said on Tuesday that the new port would open in May, two months "
      "later than planned, because of delays in shipping the cranes.\n\n"
      "BVINEWS.COM\n\n"
      "Roman Prymula, photo:\n\n"
      "Work on the terminal building is finished, he said.\n";
  auto doc = clean_record(RawRecord{"site.txt", "", "txt", Markup::Text, text, "", {}});
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_NE(doc->body.find("terminal building"), std::string::npos);
  EXPECT_EQ(doc->body.find("BVINEWS"), std::string::npos) << doc->body;
  EXPECT_EQ(doc->body.find("photo:"), std::string::npos) << doc->body;
  bool site = false;
  for (const auto& r : doc->removed) site = site || r.reason == "site name";
  EXPECT_TRUE(site);
}

}  // namespace
}  // namespace sitrep

// Plain-text lines: runs of spaces, tabs and no-break spaces collapse wherever they fall in
// the line (the whole-line fast path looks at sixteen bytes at a time).
TEST(TextBlocks, WhitespaceRunsCollapseAtEveryPosition) {
  const std::string base = "Officials in Ankara and Moscow confirmed the call between the two leaders";
  for (const std::string& run : {std::string("  "), std::string("\t"), std::string(" \t "), std::string("\xC2\xA0")}) {
    for (size_t at = 1; at + 1 < base.size(); ++at) {
      if (base[at] != ' ') continue;
      std::string line = base.substr(0, at) + run + base.substr(at + 1);
      auto blocks = split_text_blocks(line + "\n");
      ASSERT_EQ(blocks.size(), 1u);
      EXPECT_EQ(blocks[0].text, base) << "run at " << at;
    }
  }
}
