"""Query understanding: synonyms, punishment intent, law mentions, quoted phrases, the plain
baseline and learning (terms, priors and the votes of similar past questions)."""

import json

import pytest

from fazhi.composition import build_index, open_searcher
from kb.models import Article, Law
from kb.store import Store
from search import lay_terms, learning, lexicon, query, segment
from search.index import QUESTIONS, current_index_dir
from search.query import SearchOptions

SAFETY = "中华人民共和国安全生产法"
FIRE = "中华人民共和国消防法"
SAFETY_FILE = "法律/安全生产法(2021-06-10).md"

# Article texts as in the statutes (excerpts of the first paragraph).
ARTICLES = {
    SAFETY: [
        ("第二十八条", 28, "第二章 生产经营单位的安全生产保障",
         "生产经营单位应当对从业人员进行安全生产教育和培训，保证从业人员具备必要的安全生产知识，"
         "熟悉有关的安全生产规章制度和安全操作规程。未经安全生产教育和培训合格的从业人员，不得上岗作业。"),
        ("第四十五条", 45, "第二章 生产经营单位的安全生产保障",
         "生产经营单位必须为从业人员提供符合国家标准或者行业标准的劳动防护用品，并监督、教育从业人员"
         "按照使用规则佩戴、使用。"),
        ("第九十七条", 97, "第六章 法律责任",
         "生产经营单位有下列行为之一的，责令限期改正，处十万元以下的罚款：未按照规定对从业人员进行"
         "安全生产教育和培训的。"),
    ],
    FIRE: [
        ("第十六条", 16, "第二章 火灾预防",
         "机关、团体、企业、事业等单位应当履行下列消防安全职责：按照国家标准、行业标准配置消防设施、"
         "器材，设置消防安全标志，并定期组织检验、维修，确保完好有效。"),
        ("第六十条", 60, "第六章 法律责任",
         "单位违反本法规定，有下列行为之一的，责令改正，处五千元以上五万元以下罚款：消防设施、器材"
         "或者消防安全标志的配置、设置不符合国家标准、行业标准。"),
    ],
}


@pytest.fixture
def data(tmp_path):
    """A data directory holding two real laws (a few articles each) and their index."""
    store = Store(tmp_path / "fazhi.sqlite")
    files = {SAFETY: SAFETY_FILE, FIRE: "法律/消防法(2021-04-29).md"}
    for title, articles in ARTICLES.items():
        store.put_law(Law(
            title=title, category="法律", version=None, file=str(tmp_path / "laws" / files[title]),
            articles=[Article(label=label, number=number, chapter=chapter, paragraphs=[text], position=i)
                      for i, (label, number, chapter, text) in enumerate(articles)]))
    build_index(store, tmp_path)
    yield store, tmp_path
    store.close()


def labels(result) -> list[str]:
    return [f"{hit.title}{hit.article}" for hit in result.hits]


def test_lay_words_expand_to_legal_terms():
    terms = lexicon.expand("工厂老板不给工人发安全帽，罚多少？")
    for legal in ("生产经营单位", "主要负责人", "劳动者", "劳动防护用品", "罚款"):
        assert legal in terms


def test_single_character_lay_word_only_matches_as_a_word():
    assert "盗窃" in lexicon.expand("同事偷了我的手机")
    assert "起诉" not in lexicon.expand("单位没有告诉我")


def test_a_lay_phrase_said_in_pieces_is_found():
    said = "一家采石场的安全生产许可证去年年底就到期了，一直没去续"
    assert "许可证到期" not in lexicon.lay_words(said)
    found = lexicon.scattered_words(said, lexicon.lay_words(said))
    assert "有效期满" in found["许可证到期"]
    # 生产 and 许可 inside the one word 安全生产许可证 are not the pieces of 生产许可到期
    assert "生产许可到期" not in found


def test_pieces_must_be_said_in_neighbouring_clauses():
    far = "许可证放在办公室，门卫室装了监控，仓库有台叉车，上周到期了"
    assert "许可证到期" not in lexicon.scattered_words(far, {})
    near = "许可证放在办公室，上周到期了"
    assert "许可证到期" in lexicon.scattered_words(near, {})


def test_a_negation_in_pieces_stays_next_to_what_it_negates():
    assert "没有劳动合同" in lexicon.scattered_words("入职半年了，公司一直没有跟我签劳动合同", {})
    assert "没有劳动合同" not in lexicon.scattered_words("没有约定期限的劳动合同是否视为无固定期限劳动合同", {})
    assert "没培训就下井" in lexicon.scattered_words("新招的工人没做任何安全培训，第二天就安排下井", {})


def test_a_phrase_that_asks_is_never_read_in_pieces():
    assert "怎么申请复议" in lexicon.synonyms()
    assert "怎么申请复议" not in lexicon.pieces()
    assert "怎么申请复议" not in lexicon.scattered_words("申请行政复议后原处罚决定是否停止执行", {})


def test_bad_synonym_line_names_the_line(tmp_path, monkeypatch):
    broken = tmp_path / "synonyms.tsv"
    broken.write_text("# 注释\n工厂\t生产经营单位\n老板 主要负责人\n", encoding="utf-8")
    monkeypatch.setattr(lexicon, "SYNONYMS_FILE", broken)
    lexicon.synonyms.cache_clear()
    try:
        with pytest.raises(ValueError, match="第 3 行"):
            lexicon.synonyms()
    finally:
        lexicon.synonyms.cache_clear()


def test_synonyms_reach_articles_that_use_only_the_legal_term(data):
    store, directory = data
    searcher = open_searcher(store, directory)
    assert searcher.search("工厂", SearchOptions(plain=True)).hits == []
    assert searcher.search("工厂", SearchOptions()).hits[0].text.startswith("生产经营单位")


def test_whole_words_outweigh_their_sub_words(data):
    searcher = open_searcher(*data)
    weights = searcher.analyze("劳动防护用品").weights
    assert weights["劳动防护用品"] == 1.0
    assert weights["防护"] == lay_terms.SUBWORD_WEIGHT


def test_punishment_questions_prefer_the_legal_liability_chapter(data, monkeypatch):
    searcher = open_searcher(*data)
    assert searcher.analyze("没培训就上岗怎么处罚").penalty
    assert not searcher.analyze("培训有什么要求").penalty

    def scores(boost: float) -> dict[str, float]:
        monkeypatch.setattr(query, "PENALTY_CHAPTER_BOOST", boost)
        hits = searcher.search("从业人员未经安全生产教育和培训上岗作业怎么处罚").hits
        return {hit.article: hit.score for hit in hits}

    plain, boosted = scores(1.0), scores(2.0)
    assert boosted["第九十七条"] == pytest.approx(2 * plain["第九十七条"], rel=1e-3)
    assert boosted["第二十八条"] == pytest.approx(plain["第二十八条"], rel=1e-3)


def test_named_law_comes_first(data):
    searcher = open_searcher(*data)
    assert searcher.analyze("安全生产法里的国家标准").law_key == SAFETY
    assert searcher.search("消防法 国家标准 行业标准").hits[0].title == FIRE
    assert searcher.search("安全生产法 国家标准 行业标准").hits[0].title == SAFETY


def test_read_log_accepts_both_formats(data, tmp_path):
    store, _ = data
    log = tmp_path / "usage.jsonl"
    log.write_text("\n".join([
        json.dumps({"question": "头盔要单位发吗", "law": "安全生产法", "article": "第四十五条"}, ensure_ascii=False),
        "",
        json.dumps({"question": "不培训就上岗", "relevant": [{"name": "安全生产法第二十八条", "matches": [
            {"file": SAFETY_FILE, "article": "第二十八条"}]}]}, ensure_ascii=False),
    ]), encoding="utf-8")
    assert learning.read_log(store, log) == [("头盔要单位发吗", SAFETY, "第四十五条"),
                                             ("不培训就上岗", SAFETY, "第二十八条")]


@pytest.mark.parametrize("line, message", [
    ("不是 JSON", "第 2 行：不是含 question 字段的 JSON"),
    ('{"question": "问", "law": "没有这部法", "article": "第一条"}', "第 2 行：知识库中没有《没有这部法》"),
    ('{"question": "问"}', "第 2 行：缺少 relevant 或 law/article 字段"),
])
def test_read_log_names_the_bad_line(data, tmp_path, line, message):
    store, _ = data
    log = tmp_path / "usage.jsonl"
    good = json.dumps({"question": "问", "law": "消防法", "article": "第十六条"}, ensure_ascii=False)
    log.write_text(good + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        learning.read_log(store, log)


def test_learned_questions_change_the_ranking(data, tmp_path):
    store, directory = data
    question = "警铃坏了 国家标准 行业标准"
    searcher = open_searcher(store, directory)
    assert searcher.search("警铃").hits == []
    assert labels(searcher.search(question))[0] != f"{FIRE}第十六条"

    log = tmp_path / "usage.jsonl"
    log.write_text(json.dumps({"question": "单位的警铃坏了没人修怎么办", "law": "消防法",
                               "article": "第十六条"}, ensure_ascii=False), encoding="utf-8")
    learning.learn(store, learning.read_log(store, log), source=log.name)
    build_index(store, directory)

    learned = open_searcher(store, directory)
    assert labels(learned.search("警铃")) == [f"{FIRE}第十六条"]
    assert labels(learned.search(question))[0] == f"{FIRE}第十六条"
    assert learned.priors.laws[FIRE] == 1

    assert learning.forget(store, log.name) == 1
    build_index(store, directory)
    assert open_searcher(store, directory).search("警铃").hits == []


def learn_log(store, directory, tmp_path, entries) -> str:
    """Learn a usage log of (question, law, article) entries as `fazhi learn` does; return its source."""
    log = tmp_path / "usage.jsonl"
    log.write_text("\n".join(json.dumps({"question": q, "law": law, "article": article}, ensure_ascii=False)
                             for q, law, article in entries), encoding="utf-8")
    learning.learn(store, learning.read_log(store, log), source=log.name)
    build_index(store, directory)
    return log.name


def test_a_reworded_question_finds_the_article_learned_for_a_past_question(data, tmp_path):
    store, directory = data
    reworded = "脚手架上摔下来没戴头盔"
    assert open_searcher(store, directory).search(reworded).hits == []

    learn_log(store, directory, tmp_path, [("工人没戴头盔在脚手架上干活摔伤了，单位有责任吗", "安全生产法", "第四十五条")])
    assert labels(open_searcher(store, directory).search(reworded))[0] == f"{SAFETY}第四十五条"


def test_similar_past_questions_vote_for_their_chapter_and_law(data, tmp_path, monkeypatch):
    store, directory = data
    learn_log(store, directory, tmp_path, [("工人没培训就上岗干活", "安全生产法", "第二十八条")])
    searcher = open_searcher(store, directory)

    def scores(weight: float) -> dict[str, float]:
        monkeypatch.setattr(query, "NEIGHBOUR_CHAPTER_WEIGHT", weight)
        result = searcher.search("工人没培训 劳动防护用品")
        return dict(zip(labels(result), (hit.score for hit in result.hits)))

    plain, voted = scores(0.0), scores(1.0)
    # The only similar past question led to chapter 2 of the 安全生产法: its articles, learned or
    # not, gain the whole vote; the 法律责任 chapter keeps its score.
    assert voted[f"{SAFETY}第四十五条"] == pytest.approx(2 * plain[f"{SAFETY}第四十五条"], rel=1e-3)
    assert voted[f"{SAFETY}第九十七条"] == pytest.approx(plain[f"{SAFETY}第九十七条"], rel=1e-3)


def test_past_questions_are_distinct_questions_with_the_places_of_their_articles(data, tmp_path):
    store, directory = data
    learn_log(store, directory, tmp_path, [("灭火器坏了谁来修", "消防法", "第十六条"),
                                          ("灭火器坏了谁来修", "消防法", "第六十条"),
                                          ("不培训就上岗", "安全生产法", "第二十八条")])
    past = learning.past_questions(store)
    assert sorted(p.text for p in past.values()) == ["不培训就上岗", "灭火器坏了谁来修"]
    places = next(p.places for p in past.values() if p.text == "灭火器坏了谁来修")
    assert [chapter for _, chapter in places] == ["第二章 火灾预防", "第六章 法律责任"]
    terms = learning.learned_terms(store)
    fire_16 = store.find_article(FIRE, 16)[1].id
    assert terms[fire_16].split() == list(dict.fromkeys(segment.tokens("灭火器坏了谁来修")))


def test_forgetting_the_log_drops_the_question_index(data, tmp_path):
    store, directory = data
    source = learn_log(store, directory, tmp_path, [("警铃坏了谁来修", "消防法", "第十六条")])
    assert (current_index_dir(directory) / QUESTIONS).is_dir()
    learning.forget(store, source)
    build_index(store, directory)
    assert not (current_index_dir(directory) / QUESTIONS).exists()
    assert open_searcher(store, directory).search("警铃").hits == []


def test_a_quoted_phrase_no_article_holds_is_dropped_with_a_note(data):
    searcher = open_searcher(*data)
    held = searcher.search("“劳动防护用品”")
    assert labels(held) == [f"{SAFETY}第四十五条"] and held.notes == []
    missing = searcher.search("“三期” 劳动防护用品")
    assert labels(missing)[0] == f"{SAFETY}第四十五条"
    assert missing.notes == ["没有结果含有“三期”；以下结果不要求含有引号中的短语。"]
