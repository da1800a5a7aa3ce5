#include "clean/html_select.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace sitrep {
namespace {

// Hint words are matched as substrings of id/class/itemprop/role; they are markup
// vocabulary, not page language, so they hold for German and English pages alike.
struct HintWord {
  std::string_view word;
  std::string_view reason;  // empty for positive hints
};

constexpr HintWord kNegative[] = {
    {"comment", "reader comments"}, {"disqus", "reader comments"}, {"respond", "reader comments"},
    {"kommentar", "reader comments"}, {"sidebar", "sidebar"}, {"footer", "footer"}, {"navigation", "navigation"},
    {"navbar", "navigation"}, {"breadcrumb", "navigation"}, {"pagination", "navigation"}, {"pager", "navigation"},
    {"menu", "navigation"}, {"newsletter", "newsletter prompt"}, {"subscribe", "subscription prompt"},
    {"cookie", "cookie notice"}, {"consent", "cookie notice"}, {"gdpr", "cookie notice"}, {"social", "share buttons"},
    {"share", "share buttons"}, {"sharing", "share buttons"}, {"related", "related content"},
    {"recommend", "related content"}, {"popular", "related content"}, {"teaser-list", "related content"},
    {"outbrain", "related content"}, {"taboola", "related content"}, {"more-articles", "related content"},
    {"promo", "advertisement"}, {"sponsor", "advertisement"}, {"advert", "advertisement"}, {"banner", "advertisement"},
    {"skip-link", "navigation"}, {"skiplink", "navigation"}, {"login", "login prompt"},
    {"modal", "popup"}, {"popup", "popup"}, {"tagcloud", "tags"}, {"author-bio", "author box"},
    {"authorbox", "author box"}, {"author", "author box"}, {"recirculation", "related content"},
    {"disclaimer", "disclaimer"}, {"disclosure", "disclaimer"}, {"copyright", "footer"}, {"popmake", "popup"},
    {"buybox", "subscription prompt"},
};

// Short words that only count as whole hint tokens ("ad", not "header" or "download").
constexpr HintWord kNegativeTokens[] = {
    {"ad", "advertisement"}, {"ads", "advertisement"}, {"nav", "navigation"}, {"tags", "tags"},
    {"share", "share buttons"}, {"meta", "article metadata"}, {"byline", "byline"}, {"date", "date line"},
    {"print", "share buttons"}, {"toolbar", "share buttons"}, {"rss", "navigation"},
};

constexpr std::array<std::string_view, 14> kPositive = {
    "article", "content", "entry", "post", "story", "main", "text", "body", "artikel", "beitrag", "inhalt",
    "news", "single", "blog"};

bool is_token_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

bool has_token(std::string_view hint, std::string_view tok) {
  for (size_t p = hint.find(tok); p != std::string_view::npos; p = hint.find(tok, p + 1)) {
    bool left = p == 0 || !is_token_char(hint[p - 1]);
    size_t e = p + tok.size();
    bool right = e >= hint.size() || !is_token_char(hint[e]);
    if (left && right) return true;
  }
  return false;
}

// "sitefooter", "commentlist", "nav-menu" but not "apageroot" (pager) or "spreadsheet":
// the word must start or end a token.
bool touches_token_boundary(std::string_view hint, std::string_view word) {
  for (size_t p = hint.find(word); p != std::string_view::npos; p = hint.find(word, p + 1)) {
    size_t e = p + word.size();
    if (p == 0 || !is_token_char(hint[p - 1]) || e >= hint.size() || !is_token_char(hint[e])) return true;
  }
  return false;
}

std::string_view negative_reason(const PageNode& n) {
  switch (n.tag) {
    case GUMBO_TAG_NAV: return "navigation";
    case GUMBO_TAG_ASIDE: return "sidebar";
    case GUMBO_TAG_FOOTER: return "footer";
    case GUMBO_TAG_FORM: break;
    default: break;
  }
  const std::string& h = n.hint;
  if (h.empty()) return {};
  if (h.find("articlebody") != std::string::npos) return {};
  for (const auto& w : kNegative)
    if (touches_token_boundary(h, w.word)) return w.reason;
  for (const auto& w : kNegativeTokens)
    if (has_token(h, w.word)) return w.reason;
  return {};
}

int positive_hint(const PageNode& n) {
  if (n.hint.find("articlebody") != std::string::npos) return 3;
  int score = 0;
  if (n.tag == GUMBO_TAG_ARTICLE || n.tag == GUMBO_TAG_MAIN) score += 1;
  for (auto w : kPositive)
    if (n.hint.find(w) != std::string::npos) { score += 1; break; }
  return score;
}

bool has_sentence_punctuation(std::string_view s) {
  for (char c : s)
    if (c == '.' || c == ',' || c == '!' || c == '?' || c == ';' || c == ':') return true;
  // CJK full stop and comma
  return s.find("\xE3\x80\x82") != std::string_view::npos || s.find("\xEF\xBC\x8C") != std::string_view::npos;
}

// Long, punctuated text with few links: what an article is made of, in any language.
bool is_prose(const PageBlock& b) {
  if (b.block.caption || b.link_chars * 100 >= b.chars * 35) return false;
  return b.chars >= 100 || (b.chars >= 40 && has_sentence_punctuation(b.block.text));
}

// The standfirst ("p.intro", "lead", "teaser") often sits in the article header next to the
// headline, outside the container holding the paragraphs: walk back from the first kept
// block and take prose until a heading, a link-heavy block or a boilerplate container.
void extend_to_lead(PageTree& tree, const std::vector<std::string_view>& neg) {
  size_t first = tree.blocks.size();
  for (size_t i = 0; i < tree.blocks.size(); ++i)
    if (tree.blocks[i].block.reason.empty()) { first = i; break; }
  int steps = 0;
  for (size_t i = first; i-- > 0 && steps < 8; ++steps) {
    PageBlock& b = tree.blocks[i];
    if (b.block.reason != "outside main content" || b.block.link_heavy || (b.node >= 0 && !neg[b.node].empty())) break;
    if (b.block.kind == BlockKind::Heading) break;
    if (is_prose(b)) b.block.reason.clear();
  }
}

// After the article's last paragraph come rating widgets, share prompts and "more on this"
// lines: short kept blocks there are cut. Headings and list items may still be content.
void trim_tail(PageTree& tree) {
  size_t last_prose = tree.blocks.size();
  for (size_t i = tree.blocks.size(); i-- > 0;) {
    const PageBlock& b = tree.blocks[i];
    if (b.block.reason.empty() && !b.block.caption && is_prose(b)) { last_prose = i; break; }
  }
  if (last_prose == tree.blocks.size()) return;
  for (size_t i = last_prose + 1; i < tree.blocks.size(); ++i) {
    PageBlock& b = tree.blocks[i];
    if (!b.block.reason.empty() || b.block.caption) continue;
    if (b.chars < 60) b.block.reason = "after the article";
  }
}

// Before the first paragraph: kicker, category, date and author lines. Headings stay
// (the metadata step decides whether one is the title).
void trim_head(PageTree& tree) {
  for (auto& b : tree.blocks) {
    if (!b.block.reason.empty() || b.block.caption) continue;
    if (is_prose(b)) return;
    if (b.block.kind != BlockKind::Heading && b.chars < 60) b.block.reason = "before the article";
  }
}

// A heading whose section kept nothing ("Related articles" over a list of links that was
// dropped) is a label of boilerplate.
void drop_empty_headings(PageTree& tree) {
  auto kept = [](const PageBlock& b) { return b.block.reason.empty() && !b.block.caption; };
  for (size_t i = 0; i < tree.blocks.size(); ++i) {
    PageBlock& h = tree.blocks[i];
    if (!kept(h) || h.block.kind != BlockKind::Heading) continue;
    bool content = false, dropped = false;
    for (size_t j = i + 1; j < tree.blocks.size(); ++j) {
      const PageBlock& b = tree.blocks[j];
      if (kept(b)) {
        content = b.block.kind != BlockKind::Heading || b.block.heading_level > h.block.heading_level;
        break;
      }
      if (!b.block.caption) dropped = true;
    }
    if (!content && dropped) h.block.reason = "heading of dropped section";
  }
}

constexpr double kMinProse = 300;  // characters
constexpr double kSiblingProse = 200;
constexpr double kSiblingRatio = 3;

struct Mass {
  std::vector<double> good, bad;  // per element, including its descendants
};

// Good is prose (or, without prose_only, any text outside links); bad is link text and
// short fragments. Everything in a boilerplate container is bad.
Mass text_mass(const PageTree& tree, const std::vector<std::string_view>& neg, bool prose_only) {
  const size_t n = tree.nodes.size();
  Mass m{std::vector<double>(n, 0), std::vector<double>(n, 0)};
  for (const auto& b : tree.blocks) {
    if (b.node < 0) continue;
    double c = static_cast<double>(b.chars);
    double link = static_cast<double>(b.link_chars);
    bool usable = neg[b.node].empty() && (prose_only ? is_prose(b) : !b.block.caption);
    if (usable) {
      m.good[b.node] += c - link;
      m.bad[b.node] += link;
    } else {
      m.bad[b.node] += neg[b.node].empty() ? c * 0.5 + link * 0.5 : c;
    }
  }
  for (size_t i = n; i-- > 1;) {
    int p = tree.nodes[i].parent;
    if (p >= 0) {
      m.good[p] += m.good[i];
      m.bad[p] += m.bad[i];
    }
  }
  return m;
}

// The element scoring best on good text against the rest; -1 if none has good text.
int best_container(const PageTree& tree, const std::vector<std::string_view>& neg, const Mass& m) {
  int best = -1;
  double best_score = 0;
  for (size_t i = 0; i < tree.nodes.size(); ++i) {
    if (!neg[i].empty() || m.good[i] <= 0) continue;
    double score = m.good[i] * (1.0 + 0.1 * positive_hint(tree.nodes[i])) - 0.7 * m.bad[i];
    if (score > best_score) {
      best_score = score;
      best = static_cast<int>(i);
    }
  }
  return best;
}

// The letters a-z of a word as bits: a token lacking one of a word's letters cannot hold
// it, which rules out most words for most tokens without a search.
constexpr uint32_t letter_set(std::string_view w) {
  uint32_t m = 0;
  for (char c : w)
    if (c >= 'a' && c <= 'z') m |= 1u << (c - 'a');
  return m;
}

template <size_t N>
constexpr std::array<uint32_t, N> letter_sets(const HintWord (&words)[N]) {
  std::array<uint32_t, N> m{};
  for (size_t i = 0; i < N; ++i) m[i] = letter_set(words[i].word);
  return m;
}

constexpr auto kNegativeLetters = letter_sets(kNegative);
constexpr auto kNegativeTokenLetters = letter_sets(kNegativeTokens);

}  // namespace

uint64_t select_hint_tests(std::string_view token) {
  constexpr size_t kPositiveBit = std::size(kNegative) + std::size(kNegativeTokens), kArticleBodyBit = kPositiveBit + 1;
  static_assert(kArticleBodyBit < 64);
  uint64_t tests = 0;
  if (token.size() < 2) return tests;
  if (token.find("articlebody") != std::string_view::npos) tests |= uint64_t{1} << kArticleBodyBit;
  const uint32_t have = letter_set(token);
  for (size_t i = 0; i < std::size(kNegative); ++i)
    if ((kNegativeLetters[i] & ~have) == 0 && touches_token_boundary(token, kNegative[i].word)) tests |= uint64_t{1} << i;
  for (size_t i = 0; i < std::size(kNegativeTokens); ++i)
    if ((kNegativeTokenLetters[i] & ~have) == 0 && has_token(token, kNegativeTokens[i].word))
      tests |= uint64_t{1} << (std::size(kNegative) + i);
  for (auto w : kPositive)
    if ((letter_set(w) & ~have) == 0 && token.find(w) != std::string_view::npos) {
      tests |= uint64_t{1} << kPositiveBit;
      break;
    }
  return tests;
}

void select_main_content(PageTree& tree) {
  const size_t n = tree.nodes.size();
  if (n == 0) return;
  // Negative containers, inherited downwards; a container that holds the article markup
  // itself (a "main has-sidebar" wrapper) is not one.
  std::vector<std::string_view> neg(n);
  std::vector<char> holds_article(n, 0);
  for (size_t i = n; i-- > 0;) {
    const PageNode& node = tree.nodes[i];
    if (node.tag == GUMBO_TAG_ARTICLE || node.tag == GUMBO_TAG_MAIN || node.hint.find("articlebody") != std::string::npos)
      holds_article[i] = 1;
    if (holds_article[i] && node.parent >= 0) holds_article[node.parent] = 1;
  }
  // Prose per element before any judgement: a wrapper whose class merely mentions a
  // negative word ("navbar-is-static-top" on <body>, Blogger's "sidebar" columns) but holds
  // most of the page's prose is layout, not boilerplate. Comment sections and cookie
  // dialogs are the exception: they can outweigh a short article.
  std::vector<double> raw(n, 0);
  for (const auto& b : tree.blocks)
    if (b.node >= 0 && is_prose(b)) raw[b.node] += static_cast<double>(b.chars - b.link_chars);
  for (size_t i = n; i-- > 1;)
    if (tree.nodes[i].parent >= 0) raw[tree.nodes[i].parent] += raw[i];
  double page_prose = 0;
  for (size_t i = 0; i < n; ++i)
    if (tree.nodes[i].parent < 0) page_prose += raw[i];
  for (size_t i = 0; i < n; ++i) {
    const PageNode& node = tree.nodes[i];
    if (node.parent >= 0 && !neg[node.parent].empty()) {
      neg[i] = neg[node.parent];
    } else if (!holds_article[i] && node.tag != GUMBO_TAG_BODY && node.tag != GUMBO_TAG_HTML) {
      std::string_view r = negative_reason(node);
      bool major = raw[i] > 0.5 * page_prose;
      if (!r.empty() && (!major || r == "reader comments" || r == "cookie notice")) neg[i] = r;
    }
  }

  Mass prose = text_mass(tree, neg, /*prose_only=*/true);
  int best = best_container(tree, neg, prose);
  // Pages of lists, tables and fragments (results, recipes, product pages) have little
  // prose: then any text counts, links still against it.
  if (best < 0 || prose.good[best] < kMinProse) {
    int alt = best_container(tree, neg, text_mass(tree, neg, /*prose_only=*/false));
    if (alt >= 0) best = alt;
  }

  // Membership of each element in the chosen subtree, plus siblings of it that are
  // themselves mostly prose: articles split across sibling containers (a lead box, the
  // body, a closing box) without a common parent that would win on its own.
  std::vector<char> inside(n, 0);
  if (best >= 0) {
    inside[best] = 1;
    int parent = tree.nodes[best].parent;
    for (size_t i = 0; i < n && parent >= 0; ++i)
      if (tree.nodes[i].parent == parent && neg[i].empty() && prose.good[i] >= kSiblingProse &&
          prose.good[i] >= kSiblingRatio * prose.bad[i])
        inside[i] = 1;
    for (size_t i = 0; i < n; ++i) {
      int p = tree.nodes[i].parent;
      if (p >= 0 && inside[p]) inside[i] = 1;
    }
  } else {
    std::fill(inside.begin(), inside.end(), 1);  // no prose anywhere: keep what is not boilerplate
  }
  for (auto& b : tree.blocks) {
    if (!b.block.reason.empty()) continue;
    if (b.node >= 0 && !neg[b.node].empty()) {
      b.block.reason = std::string(neg[b.node]);
    } else if (b.node < 0 || !inside[b.node]) {
      b.block.reason = "outside main content";
    } else if (b.block.link_heavy && b.link_chars * 5 > b.chars * 3 && b.chars < 200) {
      b.block.reason = "link list";
    }
  }
  extend_to_lead(tree, neg);
  trim_tail(tree);
  trim_head(tree);
  drop_empty_headings(tree);
}

}  // namespace sitrep
