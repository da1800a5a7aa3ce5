#include "clean/html_meta.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "clean/html_page.h"

namespace sitrep {
namespace {

using nlohmann::json;

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string clean_value(std::string_view s) {
  std::string out;
  append_collapsed(out, s);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  size_t lead = 0;
  while (lead < out.size() && out[lead] == ' ') ++lead;
  return out.substr(lead);
}

const char* attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? a->value : nullptr;
}

std::string text_of(const GumboNode* n, const TextRuns& texts) {
  std::string out;
  std::vector<const GumboNode*> stack{n};
  while (!stack.empty()) {
    const GumboNode* c = stack.back();
    stack.pop_back();
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE || c->type == GUMBO_NODE_CDATA) {
      texts.append_collapsed(out, c->v.text.text);
    } else if (c->type == GUMBO_NODE_ELEMENT) {
      const GumboVector& ch = c->v.element.children;
      for (unsigned i = ch.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(ch.data[i]));
    }
  }
  return clean_value(out);
}

// A date source with its rank: lower is more trusted.
struct DateCandidate {
  int rank = 1000;
  std::string value, evidence;
  void offer(int r, std::string v, std::string ev) {
    v = clean_value(v);
    if (r < rank && !v.empty()) {
      rank = r;
      value = std::move(v);
      evidence = std::move(ev);
    }
  }
};

struct Collected {
  explicit Collected(const TextRuns& t) : texts(t) {}
  const TextRuns& texts;
  std::string title_tag, og_title, og_site, author, canonical, og_url, description, h1;
  std::string ld_headline, ld_author, ld_publisher;
  DateCandidate date;
  std::vector<std::string> json_ld;
};

bool is_article_type(const json& t) {
  auto one = [](const json& s) {
    if (!s.is_string()) return false;
    const std::string& v = s.get_ref<const std::string&>();
    return v.find("Article") != std::string::npos || v == "BlogPosting" || v == "Report" || v == "NewsArticle" ||
           v == "LiveBlogPosting" || v == "WebPage";
  };
  if (t.is_array()) {
    for (const auto& x : t)
      if (one(x)) return true;
    return false;
  }
  return one(t);
}

std::string name_of(const json& v) {
  if (v.is_string()) return clean_value(v.get_ref<const std::string&>());
  if (v.is_object()) {
    auto it = v.find("name");
    if (it != v.end() && it->is_string()) return clean_value(it->get_ref<const std::string&>());
  }
  if (v.is_array()) {
    std::string all;
    for (const auto& x : v) {
      std::string n = name_of(x);
      if (n.empty()) continue;
      if (!all.empty()) all += ", ";
      all += n;
    }
    return all;
  }
  return "";
}

// Walks JSON-LD iteratively: objects may nest in @graph, arrays, or mainEntity.
void read_json_ld(const std::string& text, Collected& c) {
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) return;
  std::vector<const json*> stack{&doc};
  bool web_page_seen = false;
  while (!stack.empty()) {
    const json* j = stack.back();
    stack.pop_back();
    if (j->is_array()) {
      for (auto it = j->rbegin(); it != j->rend(); ++it) stack.push_back(&*it);
      continue;
    }
    if (!j->is_object()) continue;
    for (const char* key : {"@graph", "mainEntity", "mainEntityOfPage"}) {
      auto it = j->find(key);
      if (it != j->end() && (it->is_array() || it->is_object())) stack.push_back(&*it);
    }
    auto type = j->find("@type");
    if (type == j->end() || !is_article_type(*type)) continue;
    bool web_page = type->is_string() && type->get_ref<const std::string&>() == "WebPage";
    // A WebPage only fills what no article object gave.
    if (web_page && web_page_seen) continue;
    web_page_seen |= web_page;
    int rank = web_page ? 8 : 0;
    if (auto h = j->find("headline"); h != j->end() && h->is_string() && (c.ld_headline.empty() || !web_page))
      if (!web_page || c.ld_headline.empty()) c.ld_headline = clean_value(h->get_ref<const std::string&>());
    if (auto d = j->find("datePublished"); d != j->end() && d->is_string())
      c.date.offer(rank, d->get_ref<const std::string&>(), "json-ld datePublished");
    if (auto d = j->find("dateCreated"); d != j->end() && d->is_string())
      c.date.offer(rank + 1, d->get_ref<const std::string&>(), "json-ld dateCreated");
    if (auto a = j->find("author"); a != j->end() && c.ld_author.empty()) c.ld_author = name_of(*a);
    if (auto p = j->find("publisher"); p != j->end() && c.ld_publisher.empty()) c.ld_publisher = name_of(*p);
  }
}

enum class MetaField { OgTitle, OgSite, OgUrl, Description, DescriptionIfNone, Author, Date };

struct MetaKey {
  std::string_view key;  // lower-cased property, else name, else "itemprop:" + itemprop
  MetaField field;
  int date_rank = 0;     // for dates: lower is more trusted
};

constexpr MetaKey kMetaKeys[] = {
    {"og:title", MetaField::OgTitle}, {"og:site_name", MetaField::OgSite}, {"og:url", MetaField::OgUrl},
    {"og:description", MetaField::Description}, {"description", MetaField::DescriptionIfNone},
    {"author", MetaField::Author}, {"article:author", MetaField::Author}, {"dc.creator", MetaField::Author},
    {"byl", MetaField::Author}, {"sailthru.author", MetaField::Author},
    {"article:published_time", MetaField::Date, 1},
    {"og:published_time", MetaField::Date, 2}, {"og:article:published_time", MetaField::Date, 2},
    {"itemprop:datepublished", MetaField::Date, 3},
    {"date", MetaField::Date, 4}, {"pubdate", MetaField::Date, 4}, {"publishdate", MetaField::Date, 4},
    {"publish-date", MetaField::Date, 4}, {"publish_date", MetaField::Date, 4}, {"dc.date", MetaField::Date, 4},
    {"dc.date.issued", MetaField::Date, 4}, {"dcterms.date", MetaField::Date, 4}, {"dcterms.created", MetaField::Date, 4},
    {"sailthru.date", MetaField::Date, 4}, {"parsely-pub-date", MetaField::Date, 4},
    {"article.published", MetaField::Date, 4}, {"datepublished", MetaField::Date, 4},
    {"article:modified_time", MetaField::Date, 9}, {"og:updated_time", MetaField::Date, 9},
    {"last-modified", MetaField::Date, 9},
};

const MetaKey* find_meta_key(std::string_view key) {
  for (const auto& k : kMetaKeys)
    if (k.key == key) return &k;
  return nullptr;
}

void read_meta(const GumboElement& e, Collected& c) {
  const char* content = attr(e, "content");
  if (!content) return;
  std::string key;
  if (const char* p = attr(e, "property")) key = lower_ascii(p);
  else if (const char* n = attr(e, "name")) key = lower_ascii(n);
  else if (const char* ip = attr(e, "itemprop")) key = "itemprop:" + lower_ascii(ip);
  else return;
  const MetaKey* k = find_meta_key(key);
  if (!k) return;
  std::string v = clean_value(content);
  if (v.empty()) return;
  switch (k->field) {
    case MetaField::OgTitle: c.og_title = v; break;
    case MetaField::OgSite: c.og_site = v; break;
    case MetaField::OgUrl: c.og_url = v; break;
    case MetaField::Description: c.description = v; break;
    case MetaField::DescriptionIfNone: if (c.description.empty()) c.description = v; break;
    case MetaField::Author: if (c.author.empty() && v.find("://") == std::string::npos) c.author = v; break;
    case MetaField::Date:
      if (k->date_rank == 3) c.date.offer(3, v, "itemprop datePublished");
      else if (k->date_rank == 9) c.date.offer(9, v, "meta " + key + " (last modified)");
      else c.date.offer(k->date_rank, v, "meta " + key);
      break;
  }
}

void read_element(const GumboNode* n, Collected& c) {
  const GumboElement& e = n->v.element;
  switch (e.tag) {
    case GUMBO_TAG_TITLE:
      if (c.title_tag.empty()) c.title_tag = text_of(n, c.texts);
      break;
    case GUMBO_TAG_META:
      read_meta(e, c);
      break;
    case GUMBO_TAG_LINK:
      if (const char* rel = attr(e, "rel"); rel && lower_ascii(rel) == "canonical")
        if (const char* href = attr(e, "href"); href && c.canonical.empty()) c.canonical = clean_value(href);
      break;
    case GUMBO_TAG_SCRIPT:
      if (const char* type = attr(e, "type"); type && lower_ascii(type).find("ld+json") != std::string::npos)
        c.json_ld.push_back(text_of(n, c.texts));
      break;
    case GUMBO_TAG_TIME:
      if (const char* dt = attr(e, "datetime")) c.date.offer(attr(e, "pubdate") ? 5 : 6, dt, "time datetime");
      break;
    case GUMBO_TAG_H1:
      if (c.h1.empty()) c.h1 = text_of(n, c.texts);
      break;
    default:
      break;
  }
  if (e.attributes.length == 0 || e.tag == GUMBO_TAG_META) return;
  if (const char* ip = attr(e, "itemprop"); ip && lower_ascii(ip) == "datepublished") {
    const char* v = attr(e, "datetime");
    if (!v) v = attr(e, "content");
    if (v) c.date.offer(3, v, "itemprop datePublished");
    else c.date.offer(7, text_of(n, c.texts), "itemprop datePublished text");
  }
}

// "Headline | Site" or "Headline - Site": the <title> without the site's name.
std::string strip_site_suffix(const std::string& title, const std::string& site) {
  for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB "}) {
    size_t p = title.rfind(sep);
    if (p == std::string::npos || p == 0) continue;
    std::string tail = title.substr(p + sep.size());
    if (!site.empty() && lower_ascii(tail).find(lower_ascii(site)) == std::string::npos &&
        lower_ascii(site).find(lower_ascii(tail)) == std::string::npos)
      continue;
    if (site.empty() && tail.size() > 40) continue;
    return title.substr(0, p);
  }
  return title;
}

}  // namespace

bool page_meta_reads(std::string_view key) { return find_meta_key(key) != nullptr; }

PageMeta extract_page_meta(const GumboNode* root, const TextRuns& texts) {
  Collected c(texts);
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    const GumboVector* ch = nullptr;
    if (n->type == GUMBO_NODE_DOCUMENT) ch = &n->v.document.children;
    else if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) {
      read_element(n, c);
      ch = &n->v.element.children;
    }
    if (ch)
      for (unsigned i = ch->length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(ch->data[i]));
  }
  for (const auto& s : c.json_ld) read_json_ld(s, c);

  PageMeta m;
  m.site_name = !c.og_site.empty() ? c.og_site : c.ld_publisher;
  if (!c.ld_headline.empty()) m.title = c.ld_headline;
  else if (!c.og_title.empty()) m.title = strip_site_suffix(c.og_title, m.site_name);
  else if (!c.title_tag.empty()) m.title = strip_site_suffix(c.title_tag, m.site_name);
  else m.title = c.h1;
  m.byline = !c.ld_author.empty() ? c.ld_author : c.author;
  m.url = !c.canonical.empty() ? c.canonical : c.og_url;
  m.description = c.description;
  m.published = c.date.value;
  m.published_evidence = c.date.evidence;
  return m;
}

}  // namespace sitrep
