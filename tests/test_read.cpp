// Readers and bad input: every case yields records or a clear error naming the file and
// line/record, and reading goes on.
#include <gtest/gtest.h>
#include <zlib.h>

#include "clean/clean.h"
#include "read/decode.h"
#include "read/reader.h"
#include "test_support.h"

using namespace sitrep;
using sitrep::testing::TempDir;
using sitrep::testing::write_file;

namespace {

struct ReadResult {
  std::vector<RawRecord> records;
  std::vector<Error> errors;
};

ReadResult read_all(const std::string& path) {
  ReadResult r;
  read_input(path, [&](RawRecord&& rec) { r.records.push_back(std::move(rec)); },
             [&](Error&& e) { r.errors.push_back(std::move(e)); });
  return r;
}

std::string warc_response(const std::string& url, const std::string& html) {
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html;
  return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + url +
         "\r\nWARC-Date: 2021-05-01T10:00:00Z\r\nContent-Length: " + std::to_string(http.size()) + "\r\n\r\n" + http +
         "\r\n\r\n";
}

void write_gzip(const std::filesystem::path& p, const std::string& data) {
  gzFile gz = gzopen(p.c_str(), "wb");
  gzwrite(gz, data.data(), static_cast<unsigned>(data.size()));
  gzclose(gz);
}

const std::string kArticle =
    "<html><body><p>The foreign ministers met in Vienna on Monday to discuss the nuclear deal, officials said.</p>"
    "<p>Talks will resume next week, according to the European Union's envoy.</p></body></html>";

}  // namespace

TEST(ReadJsonl, RecordsHintsAndBadLinesByNumber) {
  TempDir dir;
  write_file(dir / "a.jsonl",
             "{\"id\": \"x1\", \"title\": \"T\", \"date\": \"2020-02-28\", \"source\": \"TASS\", \"text\": \"Body one.\"}\n"
             "{\"id\": \"x2\", \"text\": \"unterminated\n"
             "\n"
             "{\"id\": 7, \"url\": \"http://e.org/a\", \"html\": \"<p>Body two.</p>\"}\n"
             "{\"id\": \"x4\", \"title\": \"no body\"}\n"
             "[1, 2]\n");
  auto r = read_all((dir / "a.jsonl").string());
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].hints.id, "x1");
  EXPECT_EQ(r.records[0].hints.source, "TASS");
  EXPECT_EQ(r.records[0].hints.date, "2020-02-28");
  EXPECT_EQ(r.records[0].locator, "line 1");
  EXPECT_EQ(r.records[1].markup, Markup::Html);
  EXPECT_EQ(r.records[1].hints.id, "7");
  EXPECT_EQ(r.records[1].locator, "line 4");
  ASSERT_EQ(r.errors.size(), 3u);
  EXPECT_EQ(r.errors[0].locator, "line 2");
  EXPECT_NE(r.errors[0].message.find("malformed JSON"), std::string::npos);
  EXPECT_EQ(r.errors[1].locator, "line 5");
  EXPECT_EQ(r.errors[2].locator, "line 6");
  EXPECT_NE(r.errors[2].where().find("a.jsonl:line 6"), std::string::npos);
}

TEST(ReadJsonl, OverlongLineIsSkippedAndNumberingHolds) {
  TempDir dir;
  std::string big = "{\"text\": \"" + std::string(50u << 20, 'a') + "\"}\n";
  write_file(dir / "big.jsonl", big + "{\"text\": \"After the giant line.\"}\n");
  auto r = read_all((dir / "big.jsonl").string());
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].locator, "line 2");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].locator, "line 1");
  EXPECT_NE(r.errors[0].message.find("too large"), std::string::npos);
}

TEST(ReadText, FiftyMegabyteSingleLineIsRejectedClearly) {
  TempDir dir;
  write_file(dir / "huge.txt", std::string(50u << 20, 'x'));
  auto r = read_all((dir / "huge.txt").string());
  EXPECT_TRUE(r.records.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].message.find("too large"), std::string::npos);
  EXPECT_EQ(r.errors[0].file, (dir / "huge.txt").string());
}

TEST(ReadWarc, ResponsesWithUrlAndCrawlDate) {
  TempDir dir;
  std::string warc = "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n" +
                     warc_response("http://e.org/1", kArticle) + warc_response("http://e.org/2", kArticle);
  write_file(dir / "c.warc", warc);
  auto r = read_all((dir / "c.warc").string());
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(r.records[0].hints.url, "http://e.org/1");
  EXPECT_TRUE(r.records[0].hints.date_is_crawl_time);
  EXPECT_EQ(r.records[0].markup, Markup::Html);
  EXPECT_EQ(r.records[0].declared_charset, "utf-8");
  EXPECT_EQ(r.records[1].locator, "record 3");
}

TEST(ReadWarc, GzipReadsTheSameRecords) {
  TempDir dir;
  write_gzip(dir / "c.warc.gz", warc_response("http://e.org/1", kArticle) + warc_response("http://e.org/2", kArticle));
  auto r = read_all((dir / "c.warc.gz").string());
  EXPECT_EQ(r.records.size(), 2u);
  EXPECT_TRUE(r.errors.empty());
}

TEST(ReadWarc, TruncatedGzipKeepsEarlierRecordsAndReportsTheCut) {
  TempDir dir;
  std::string warc;
  for (int i = 0; i < 40; ++i) warc += warc_response("http://e.org/" + std::to_string(i), kArticle + std::to_string(i));
  write_gzip(dir / "full.warc.gz", warc);
  std::string gz = sitrep::testing::read_file(dir / "full.warc.gz");
  write_file(dir / "cut.warc.gz", gz.substr(0, gz.size() * 2 / 3));
  auto r = read_all((dir / "cut.warc.gz").string());
  EXPECT_GT(r.records.size(), 5u);
  EXPECT_LT(r.records.size(), 40u);
  ASSERT_FALSE(r.errors.empty());
  EXPECT_EQ(r.errors.back().file, (dir / "cut.warc.gz").string());
}

TEST(ReadWarc, MalformedHeaderSkipsToNextRecord) {
  TempDir dir;
  std::string bad = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\ngarbage\r\n\r\n";
  write_file(dir / "m.warc", "not a warc line\r\n" + bad + warc_response("http://e.org/ok", kArticle));
  auto r = read_all((dir / "m.warc").string());
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].hints.url, "http://e.org/ok");
  ASSERT_GE(r.errors.size(), 2u);
  EXPECT_NE(r.errors[0].message.find("malformed WARC"), std::string::npos);
  EXPECT_NE(r.errors[1].message.find("Content-Length"), std::string::npos);
}

TEST(ReadDirectories, RecursiveSortedAndUnsupportedFilesWarned) {
  TempDir dir;
  std::filesystem::create_directories(dir / "sub");
  write_file(dir / "b.txt", "B");
  write_file(dir / "sub" / "a.html", "<p>A</p>");
  write_file(dir / "notes.docx", "x");
  write_file(dir / ".hidden.txt", "x");
  std::vector<Error> errors;
  auto files = expand_inputs({dir.path().string(), (dir / "missing.txt").string()},
                             [&](Error&& e) { errors.push_back(std::move(e)); });
  ASSERT_EQ(files.size(), 2u);
  EXPECT_NE(files[0].find("b.txt"), std::string::npos);
  EXPECT_NE(files[1].find("a.html"), std::string::npos);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].severity, Severity::Warning);  // notes.docx
  EXPECT_EQ(errors[1].severity, Severity::Rejected);  // missing.txt
}

TEST(Decode, RejectsEmptyAndBinary) {
  EXPECT_FALSE(decode_text("", "", false).ok());
  EXPECT_FALSE(decode_text(" \n\t \n", "", false).ok());
  EXPECT_NE(decode_text("  \n", "", false).error().message.find("empty"), std::string::npos);
  std::string png = "\x89PNG\r\n\x1a\n" + std::string(100, '\0');
  auto r = decode_text(png, "", false);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("binary"), std::string::npos);
  std::string noise;
  for (int i = 0; i < 4000; ++i) noise.push_back(static_cast<char>((i * 37) % 32));
  EXPECT_FALSE(decode_text(noise, "", false).ok());
}

// The binary test counts control bytes wherever they fall (the count runs sixteen bytes at a
// time): above 5 % of the first 8 KB is binary, below is text with a few stray controls.
TEST(Decode, ControlByteShareDecidesBinaryAtAnyOffset) {
  for (int offset = 0; offset < 16; ++offset) {
    for (char control : {'\x01', '\x1b', '\x7f', '\0'}) {
      std::string text(2000, 'a');
      for (size_t i = 50; i < text.size(); i += 80) text[i] = '\n';  // line breaks do not count
      std::string many = text, few = text;
      for (size_t i = offset; i < text.size(); i += 16) many[i] = control;  // 6.25 %
      for (size_t i = offset; i < text.size(); i += 40) few[i] = control;   // 2.5 %
      auto m = decode_text(many, "", false);
      EXPECT_FALSE(m.ok()) << "offset " << offset << " control " << int(control);
      auto f = decode_text(few, "", false);
      ASSERT_TRUE(f.ok()) << "offset " << offset << " control " << int(control);
      EXPECT_EQ(f->text.find(control), std::string::npos) << "offset " << offset << " control " << int(control);
    }
  }
}

TEST(Decode, InvalidUtf8IsReplacedAndCounted) {
  std::string text = "Erdo\xC4\x9F" "an met Putin in Moscow \xFF\xFE on Thursday, the Kremlin said. Caf\xC3\xA9.";
  auto r = decode_text(text, "", false);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->invalid_bytes, 2u);
  EXPECT_NE(r->text.find("Erdo\xC4\x9F" "an"), std::string::npos);
  EXPECT_NE(r->text.find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD
}

TEST(Decode, NulBytesAreRemovedAndCounted) {
  std::string text = "The ministers met in Ankara on Monday.";
  text.insert(10, 1, '\0');
  text.insert(20, 1, '\0');
  auto r = decode_text(text, "", false);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->invalid_bytes, 2u);
  EXPECT_EQ(r->text, "The ministers met in Ankara on Monday.");
}

TEST(Decode, Latin1HtmlByMetaCharsetAndNfc) {
  std::string html = "<html><head><meta charset=\"iso-8859-1\"></head><body>Caf\xE9 in Bogot\xE1</body></html>";
  auto r = decode_text(html, "", true);
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->text.find("Caf\xC3\xA9 in Bogot\xC3\xA1"), std::string::npos);
  EXPECT_EQ(r->invalid_bytes, 0u);
  // NFC: e + combining acute becomes one code point.
  auto n = decode_text("Cafe\xCC\x81 society", "", false);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->text, "Caf\xC3\xA9 society");
  // Typographic quotes and dashes (inert) around a decomposed letter: still normalized.
  auto q = decode_text("\xE2\x80\x9C" "Cafe\xCC\x81\xE2\x80\x9D \xE2\x80\x93 ok", "", false);
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->text, "\xE2\x80\x9C" "Caf\xC3\xA9\xE2\x80\x9D \xE2\x80\x93 ok");
  // Already NFC text with inert characters only is left as it is.
  std::string nfc = "\xE2\x80\x9C" "Erdo\xC4\x9F" "an\xE2\x80\x9D \xE2\x80\x94 \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0";
  auto k = decode_text(nfc, "", false);
  ASSERT_TRUE(k.ok());
  EXPECT_EQ(k->text, nfc);
}

TEST(Decode, Windows1252DetectedWithoutDeclaration) {
  std::string text = "\x93We will not allow it,\x94 the minister said on Tuesday in a long statement to reporters.";
  auto r = decode_text(text, "", false);
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->text.find("\xE2\x80\x9CWe will"), std::string::npos) << r->text << " (" << r->charset << ")";
}

// One record of `markup` read from `file`, cleaned.
Expected<Doc> clean_bytes(const std::string& file, Markup markup, const std::string& bytes) {
  RawRecord rec;
  rec.file = file;
  rec.markup = markup;
  rec.format = markup == Markup::Html ? "html" : "txt";
  rec.bytes = bytes;
  return clean_record(rec);
}

// A name's link preview pasted into a paragraph ("Speaker Jane Roe Jane Quinn RoeBudget talks
// stall | ... MORE") is cut out, the name as written kept, the preview recorded as removed.
TEST(CleanRecord, LinkPreviewsInsideParagraphsAreCut) {
  std::string body =
      "Speaker Jane Roe Jane Quinn RoeBudget talks stall | Senators weigh plan | Roe urges calm MORE (D-Ore.) said "
      "on Friday that the House would vote, and Rep. Sam DoeSam DoeHouse passes farm bill Doe backs plan MORE "
      "(R-Ohio) agreed with Leader Mitch McConnell about it.\n\nHe said it was MORE important than ever.\n";
  auto d = clean_bytes("preview.txt", Markup::Text, body);
  ASSERT_TRUE(d) << d.error().message;
  EXPECT_NE(d->body.find("Speaker Jane Roe (D-Ore.) said on Friday"), std::string::npos) << d->body;
  EXPECT_NE(d->body.find("Rep. Sam Doe (R-Ohio) agreed with Leader Mitch McConnell"), std::string::npos) << d->body;
  EXPECT_NE(d->body.find("He said it was MORE important than ever."), std::string::npos) << d->body;
  int previews = 0;
  for (const auto& r : d->removed)
    if (r.reason.starts_with("link preview")) {
      ++previews;
      EXPECT_TRUE(r.text.ends_with("MORE")) << r.text;
    }
  EXPECT_EQ(previews, 2);
}

TEST(CleanRecord, DeeplyNestedHtmlDoesNotCrash) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "<p>The ceasefire held overnight, local officials told reporters on Sunday morning.</p>";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  html += "</body></html>";
  auto d = clean_bytes("deep.html", Markup::Html, html);
  // Either the text is found or the page is rejected with a reason; never a crash.
  if (d.ok()) EXPECT_NE(d->body.find("ceasefire held overnight"), std::string::npos);
  else EXPECT_FALSE(d.error().message.empty());
}

// The dateline the cleaner reads from a text record.
static std::string dateline(const std::string& text) {
  auto d = clean_bytes("d.txt", Markup::Text, text);
  return d.ok() ? d->meta.dateline : std::string("<rejected>");
}

// Regression: a dateline set off by a plain hyphen ("MOSCOW - The first ...") was not read: the
// capitals scan ran on through " - T" and found no dash after it.
TEST(CleanRecord, DatelineWithAPlainHyphen) {
  const std::string rest = " The first joint patrol on the highway was cut short on Sunday after protesters blocked the road.";
  EXPECT_EQ(dateline("MOSCOW -" + rest), "MOSCOW");
  EXPECT_EQ(dateline("MOSCOW- " + rest), "MOSCOW");
  EXPECT_EQ(dateline("ANKARA (Reuters) -" + rest), "ANKARA");
  EXPECT_EQ(dateline("WINSTON-SALEM, N.C. -" + rest), "WINSTON-SALEM, N.C.");
  EXPECT_EQ(dateline("NATO said on Sunday that" + rest), "");
}

// Regression: CNN's dateline in ordinary case, closed by the credit and no dash ("Brussels,
// Belgium (CNN) Police detained ..."), was not read.
TEST(CleanRecord, DatelineInOrdinaryCaseWithCredit) {
  const std::string rest = " Police detained six people in raids on Thursday night as investigators raced to find the network.";
  EXPECT_EQ(dateline("Brussels, Belgium (CNN)" + rest), "Brussels, Belgium");
  EXPECT_EQ(dateline("Washington (Reuters)" + rest), "Washington");
  EXPECT_EQ(dateline("ANKARA (Reuters) -" + rest), "ANKARA");
  // a sentence with a parenthesis is none
  EXPECT_EQ(dateline("Turkish President Recep Tayyip Erdogan (AKP) Monday said" + rest), "");
  EXPECT_EQ(dateline("The Kremlin (Moscow) Police" + rest), "");
}

// Regression: a record whose text came as one run-on line kept the page's tail in its body
// ("... the Observatory. Source TRTWorld and agencies Related News Iraqs vote violations | ...
// Copyright 2018 TRT World. Privacy Policy"): a related-content heading in title case ends the
// article there too.
TEST(CleanRecord, RelatedContentInsideARunOnParagraphEndsTheArticle) {
  std::string article =
      "At least 15 civilians were killed in air strikes on Friday in the area of Boulil near Deir al Zour, the Syrian "
      "Observatory for Human Rights said. Among those killed were five children, and the bombing of the town went on "
      "for a second day, local activists told reporters on Saturday, as families fled towards the river. ";
  std::string tail = "Related News Iraqs vote violations | The global gag rule | Slovenian elections Follow us on Instagram. "
                     "Copyright 2018 TRT World. Privacy Policy Cookie Policy";
  auto d = clean_bytes("r.txt", Markup::Text, article + article + tail);
  ASSERT_TRUE(d.ok());
  EXPECT_NE(d->body.find("families fled towards the river."), std::string::npos);
  EXPECT_EQ(d->body.find("Related News"), std::string::npos);
  EXPECT_EQ(d->body.find("Privacy Policy"), std::string::npos);
  bool recorded = false;
  for (const auto& r : d->removed) recorded |= r.text.find("gag rule") != std::string::npos;
  EXPECT_TRUE(recorded);
  // the words in lower case inside a sentence are prose
  auto prose = clean_bytes("p.txt", Markup::Text, article + "The ministry said related news would follow. " + article);
  ASSERT_TRUE(prose.ok());
  EXPECT_NE(prose->body.find("related news would follow"), std::string::npos);
}

// Regression: the wire services' dateline with a date or a country in ordinary case after the
// place ("KYIV, March 3 (Reuters) -", "BEIRUT, Lebanon (AP) -") was not read: the capitals scan
// stopped at the first lower-case letter and found no dash there.
TEST(CleanRecord, DatelineWithADateOrCountryAfterThePlace) {
  const std::string rest = " The first joint patrol on the highway was cut short on Sunday after protesters blocked the road.";
  EXPECT_EQ(dateline("KYIV, March 3 (Reuters) -" + rest), "KYIV");
  EXPECT_EQ(dateline("ANKARA, Feb. 28, 2020 (Reuters) -" + rest), "ANKARA");
  EXPECT_EQ(dateline("BEIRUT, Lebanon (AP) \xE2\x80\x94" + rest), "BEIRUT");
  EXPECT_EQ(dateline("UNITED NATIONS, Nov 4 -" + rest), "UNITED NATIONS");
  // capitals followed by ordinary prose are no dateline
  EXPECT_EQ(dateline("NATO, the alliance said on Sunday -" + rest), "");
  EXPECT_EQ(dateline("THE UN, which met -" + rest), "");
}

// A slideshow's captions in one paragraph ("Photos: ... Hide Caption 1 of 22 Photos: ...") are
// captions, not article text.
TEST(CleanRecord, SlideshowCaptionsAreCaptions) {
  std::string para = "Police detained six people in raids on Thursday night as investigators raced to uncover the network "
                     "behind the attacks in the Belgian capital, officials said on Friday morning.";
  std::string gallery = "Photos: Terror attacks in Brussels An injured woman leaves the airport in Brussels after two "
                        "explosions rocked the facility on Tuesday, March 22. There was also an explosion at a subway station "
                        "in the city. Hide Caption 1 of 22 Photos: Terror attacks in Brussels Windows are blown out after "
                        "the deadly attack at the airport. Hide Caption 2 of 22";
  auto d = clean_bytes("g.txt", Markup::Text, para + "\n\n" + gallery + "\n\n" + para);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->body.find("Hide Caption"), std::string::npos);
  bool kept = false;
  for (const auto& c : d->captions) kept |= c.find("An injured woman") != std::string::npos;
  EXPECT_TRUE(kept);
}

// BBC's picture and video lines ("Image copyright AP Image caption ...", "Media playback is
// unsupported on your device Media caption ...") are captions, not body.
TEST(CleanRecord, BroadcasterPictureLinesAreCaptions) {
  std::string para = "The head of US intelligence repeatedly clashed with the president over Iran, North Korea and Russia, "
                     "officials in Washington said on Sunday evening.";
  auto d = clean_bytes("b.txt", Markup::Text,
                       para + "\n\nImage copyright Reuters Image caption Dan Coats clashed with the president\n\n" + para +
                           "\n\nMedia playback is unsupported on your device Media caption Coats reacts to the news\n\n" +
                           para);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->body.find("Image copyright"), std::string::npos);
  EXPECT_EQ(d->body.find("Media playback"), std::string::npos);
  EXPECT_EQ(d->captions.size(), 2u);
}
