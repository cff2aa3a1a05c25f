#include "fixtures.h"
#include "evaluate-private.h"

/* Each test builds a one-criterion ruleset and a profile inline, against the vocabulary
 * below, and checks the criterion's outcome, credit and reason. Scales, by index:
 *   process: closed 0 < consultation 1 < open-comment 2 < co-developed 3   (n = 4, top 3)
 *   five:    l0 0 < l1 1 < l2 2 < l3 3 < l4 4                                (n = 5, top 4)
 * Partial credit (partial="yes", level facts only):
 *   at-least t:  1 if v ≥ t, else index(v) / index(t)
 *   at-most t:   1 if v ≤ t, else (top − index(v)) / (top − index(t)) */

static const gchar vocabulary_xml[] =
    "<vocabulary xmlns=\"urn:accord:vocabulary:1\" version=\"evaluate-test\">"
    "<scale id=\"process\">"
    "<level id=\"closed\">Closed doors.</level>"
    "<level id=\"consultation\">Consultation.</level>"
    "<level id=\"open-comment\">Public comment.</level>"
    "<level id=\"co-developed\">Co-developed.</level>"
    "</scale>"
    "<scale id=\"five\">"
    "<level id=\"l0\">Zero.</level><level id=\"l1\">One.</level><level id=\"l2\">Two.</level>"
    "<level id=\"l3\">Three.</level><level id=\"l4\">Four.</level>"
    "</scale>"
    "<fact key=\"t.flag\" type=\"boolean\">A flag.</fact>"
    "<fact key=\"t.other\" type=\"boolean\">Another flag.</fact>"
    "<fact key=\"t.process\" type=\"level\" scale=\"process\">A process level.</fact>"
    "<fact key=\"t.maturity\" type=\"level\" scale=\"five\">A five-level maturity.</fact>"
    "<fact key=\"t.regime\" type=\"enum\" values=\"none voluntary-label mandatory\">A "
    "regime.</fact>"
    "<fact key=\"t.size\" type=\"number\" unit=\"people\">A size.</fact>"
    "<fact key=\"t.date\" type=\"date\">A date.</fact>"
    "</vocabulary>";

#define RULESET_HEAD                                                                               \
	"<ruleset xmlns=\"urn:accord:ruleset:1\" id=\"evaluate-test\" version=\"1\">"              \
	"<title>Evaluate test</title><agreement name=\"Test\"/>"                                   \
	"<obligations><obligation id=\"shall\" "                                                   \
	"multiplier=\"1\">Binding.</obligation></obligations>"                                     \
	"<pillar id=\"p\"><title>Pillar</title></pillar>"                                          \
	"<rule id=\"r\" pillar=\"p\" obligation=\"shall\"><title>Rule</title>"                     \
	"<provision cite=\"Art. 1\">Text.</provision>"                                             \
	"<criterion id=\"c\"><title>Criterion</title>"
#define RULESET_TAIL "</criterion><recommendation>Do it.</recommendation></rule></ruleset>"

#define PROFILE_HEAD                                                                               \
	"<profile xmlns=\"urn:accord:profile:1\" country=\"TT\" name=\"Testland\" "                \
	"as-of=\"2025-01-01\">"
#define PROFILE_TAIL "</profile>"

/* XML builders: a fact check, a partial-credit check, and a stated profile fact */
#define CHECK(fact, op, value)	 "<check fact=\"" fact "\" " op "=\"" value "\"/>"
#define PARTIAL(fact, op, value) "<check fact=\"" fact "\" " op "=\"" value "\" partial=\"yes\"/>"
#define FACT(key, value)                                                                           \
	"<fact key=\"" key "\" value=\"" value "\" confidence=\"high\">"                           \
	"<evidence title=\"Test source\" date=\"2024-01\"/></fact>"
#define NO_FACTS ""

typedef struct {
	AccordVocabulary *vocab;
} State;

/* a copy of one criterion result, so the evaluation can be freed at once */
typedef struct {
	AccordOutcome outcome;
	gdouble credit;
	gchar *reason;
} Result;

static int
group_setup(void **state)
{
	g_autoptr(GError) error = NULL;
	State *s = g_new0(State, 1);

	s->vocab = accord_vocabulary_load_data(vocabulary_xml,
					       strlen(vocabulary_xml),
					       "<vocabulary>",
					       &error);
	if (s->vocab == NULL) {
		print_error("inline vocabulary: %s\n", error->message);
		g_free(s);
		return -1;
	}
	*state = s;
	return 0;
}

static int
group_teardown(void **state)
{
	State *s = *state;

	accord_vocabulary_unref(s->vocab);
	g_free(s);
	return 0;
}

static AccordRuleset *
load_ruleset(const AccordVocabulary *vocab, const gchar *body)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *xml = g_strdup_printf(RULESET_HEAD "%s" RULESET_TAIL, body);
	AccordRuleset *ruleset =
	    accord_ruleset_load_data(xml, strlen(xml), "<ruleset>", vocab, &error);

	if (ruleset == NULL) {
		print_error("ruleset with %s: %s\n", body, error->message);
		fail();
	}
	return ruleset;
}

static AccordProfile *
load_profile(const AccordVocabulary *vocab, const gchar *facts)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *xml = g_strdup_printf(PROFILE_HEAD "%s" PROFILE_TAIL, facts);
	AccordProfile *profile =
	    accord_profile_load_data(xml, strlen(xml), "<profile>", vocab, &error);

	if (profile == NULL) {
		print_error("profile with %s: %s\n", facts, error->message);
		fail();
	}
	return profile;
}

static Result
evaluate(const State *s, const gchar *body, const gchar *facts)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordRuleset) ruleset = load_ruleset(s->vocab, body);
	g_autoptr(AccordProfile) profile = load_profile(s->vocab, facts);
	g_autoptr(AccordEvaluation) evaluation = accord_evaluate(ruleset, profile, &error);
	const AccordCriterionResult *r;

	assert_null(error);
	assert_non_null(evaluation);
	assert_int_equal(accord_ruleset_get_n_criteria(ruleset), 1);
	r = accord_evaluation_get_result(evaluation, accord_ruleset_get_criterion(ruleset, 0));
	assert_non_null(r);
	return (Result){
	    r->outcome,
	    r->credit,
	    accord_evaluation_format_reason(evaluation, accord_ruleset_get_criterion(ruleset, 0))};
}

/* evaluates and compares; on a mismatch prints the criterion and the facts, so the failing
 * line of a table of cases is obvious */
static void
expect(const State *s, const gchar *body, const gchar *facts, AccordOutcome outcome, gdouble credit)
{
	Result r = evaluate(s, body, facts);
	gboolean ok = r.outcome == outcome && fabs(r.credit - credit) <= 1e-12;

	if (!ok)
		print_error("%s\n  with %s\n  gave %s %.12g, expected %s %.12g (reason: %s)\n",
			    body,
			    facts,
			    accord_outcome_to_string(r.outcome),
			    r.credit,
			    accord_outcome_to_string(outcome),
			    credit,
			    r.reason);
	g_free(r.reason);
	if (!ok)
		fail();
}

#define PASS		  ACCORD_OUTCOME_PASS, 1.0
#define FAIL		  ACCORD_OUTCOME_FAIL, 0.0
#define UNKNOWN		  ACCORD_OUTCOME_UNKNOWN, 0.0
#define NOT_APPLICABLE	  ACCORD_OUTCOME_NOT_APPLICABLE, 0.0
#define PARTIAL_CREDIT(c) ACCORD_OUTCOME_PARTIAL, (c)

static void
test_evaluate_boolean_is(void **state)
{
	const State *s = *state;

	expect(s, CHECK("t.flag", "is", "true"), FACT("t.flag", "true"), PASS);
	expect(s, CHECK("t.flag", "is", "true"), FACT("t.flag", "false"), FAIL);
	expect(s, CHECK("t.flag", "is", "false"), FACT("t.flag", "false"), PASS);
	expect(s, CHECK("t.flag", "is", "false"), FACT("t.flag", "true"), FAIL);
	/* another fact stated does not make this one known */
	expect(s, CHECK("t.flag", "is", "true"), FACT("t.other", "true"), UNKNOWN);
	expect(s, CHECK("t.flag", "is", "true"), NO_FACTS, UNKNOWN);
}

static void
test_evaluate_level_is_in_not_in(void **state)
{
	const State *s = *state;

	expect(s,
	       CHECK("t.process", "is", "consultation"),
	       FACT("t.process", "consultation"),
	       PASS);
	expect(s,
	       CHECK("t.process", "is", "consultation"),
	       FACT("t.process", "open-comment"),
	       FAIL);
	expect(s,
	       CHECK("t.process", "in", "open-comment co-developed"),
	       FACT("t.process", "co-developed"),
	       PASS);
	expect(s,
	       CHECK("t.process", "in", "open-comment co-developed"),
	       FACT("t.process", "consultation"),
	       FAIL);
	expect(s,
	       CHECK("t.process", "not-in", "closed consultation"),
	       FACT("t.process", "closed"),
	       FAIL);
	expect(s,
	       CHECK("t.process", "not-in", "closed consultation"),
	       FACT("t.process", "open-comment"),
	       PASS);
	expect(s, CHECK("t.process", "in", "closed"), NO_FACTS, UNKNOWN);
	expect(s, CHECK("t.process", "not-in", "closed"), NO_FACTS, UNKNOWN);
}

static void
test_evaluate_level_at_least_without_partial(void **state)
{
	const State *s = *state;

	/* without partial="yes" a level below the threshold earns nothing, not 1/2 */
	expect(s,
	       CHECK("t.process", "at-least", "open-comment"),
	       FACT("t.process", "consultation"),
	       FAIL);
	expect(s,
	       CHECK("t.process", "at-least", "open-comment"),
	       FACT("t.process", "closed"),
	       FAIL);
	/* boundary: equal passes */
	expect(s,
	       CHECK("t.process", "at-least", "open-comment"),
	       FACT("t.process", "open-comment"),
	       PASS);
	expect(s,
	       CHECK("t.process", "at-least", "open-comment"),
	       FACT("t.process", "co-developed"),
	       PASS);
	/* partial="no" is the same as leaving it out */
	expect(s,
	       "<check fact=\"t.process\" at-least=\"open-comment\" partial=\"no\"/>",
	       FACT("t.process", "consultation"),
	       FAIL);
	expect(s, CHECK("t.process", "at-least", "open-comment"), NO_FACTS, UNKNOWN);
}

static void
test_evaluate_level_at_most_without_partial(void **state)
{
	const State *s = *state;

	expect(s, CHECK("t.process", "at-most", "consultation"), FACT("t.process", "closed"), PASS);
	/* boundary: equal passes */
	expect(s,
	       CHECK("t.process", "at-most", "consultation"),
	       FACT("t.process", "consultation"),
	       PASS);
	/* one level above: no partial credit without partial="yes" */
	expect(s,
	       CHECK("t.process", "at-most", "consultation"),
	       FACT("t.process", "open-comment"),
	       FAIL);
	expect(s,
	       CHECK("t.process", "at-most", "consultation"),
	       FACT("t.process", "co-developed"),
	       FAIL);
}

static void
test_evaluate_partial_credit_at_least(void **state)
{
	const State *s = *state;

	/* at-least open-comment (index 2), value consultation (index 1): 1/2 */
	expect(s,
	       PARTIAL("t.process", "at-least", "open-comment"),
	       FACT("t.process", "consultation"),
	       PARTIAL_CREDIT(1.0 / 2.0));
	/* the lowest level earns nothing: closed (index 0): 0/2 = 0 → fail */
	expect(s,
	       PARTIAL("t.process", "at-least", "open-comment"),
	       FACT("t.process", "closed"),
	       FAIL);
	/* boundary: equal (index 2 = 2) → 1 */
	expect(s,
	       PARTIAL("t.process", "at-least", "open-comment"),
	       FACT("t.process", "open-comment"),
	       PASS);
	/* above the threshold (3 ≥ 2) → 1, never more */
	expect(s,
	       PARTIAL("t.process", "at-least", "open-comment"),
	       FACT("t.process", "co-developed"),
	       PASS);
	/* at-least co-developed (index 3), value open-comment (index 2): 2/3 */
	expect(s,
	       PARTIAL("t.process", "at-least", "co-developed"),
	       FACT("t.process", "open-comment"),
	       PARTIAL_CREDIT(2.0 / 3.0));
	/* at-least co-developed (3), value consultation (1): 1/3 */
	expect(s,
	       PARTIAL("t.process", "at-least", "co-developed"),
	       FACT("t.process", "consultation"),
	       PARTIAL_CREDIT(1.0 / 3.0));
	/* five levels: at-least l4 (index 4), value l1: 1/4; l3: 3/4 */
	expect(s,
	       PARTIAL("t.maturity", "at-least", "l4"),
	       FACT("t.maturity", "l1"),
	       PARTIAL_CREDIT(1.0 / 4.0));
	expect(s,
	       PARTIAL("t.maturity", "at-least", "l4"),
	       FACT("t.maturity", "l3"),
	       PARTIAL_CREDIT(3.0 / 4.0));
	/* a threshold at the lowest level is met by every level: closed ≥ closed → 1 */
	expect(s, PARTIAL("t.process", "at-least", "closed"), FACT("t.process", "closed"), PASS);
	/* partial credit does not make an unstated fact known */
	expect(s, PARTIAL("t.process", "at-least", "open-comment"), NO_FACTS, UNKNOWN);
}

static void
test_evaluate_partial_credit_at_most(void **state)
{
	const State *s = *state;

	/* at-most consultation (index 1) on the 4-level scale (top 3):
	 *   co-developed (3): (3 − 3)/(3 − 1) = 0   → fail (the highest level earns 0)
	 *   open-comment (2): (3 − 2)/(3 − 1) = 1/2 → partial
	 *   consultation (1): equal                → pass
	 *   closed (0):       below                → pass */
	expect(s,
	       PARTIAL("t.process", "at-most", "consultation"),
	       FACT("t.process", "co-developed"),
	       FAIL);
	expect(s,
	       PARTIAL("t.process", "at-most", "consultation"),
	       FACT("t.process", "open-comment"),
	       PARTIAL_CREDIT(1.0 / 2.0));
	expect(s,
	       PARTIAL("t.process", "at-most", "consultation"),
	       FACT("t.process", "consultation"),
	       PASS);
	expect(s,
	       PARTIAL("t.process", "at-most", "consultation"),
	       FACT("t.process", "closed"),
	       PASS);
	/* at-most closed (index 0), value consultation (1): (3 − 1)/(3 − 0) = 2/3 */
	expect(s,
	       PARTIAL("t.process", "at-most", "closed"),
	       FACT("t.process", "consultation"),
	       PARTIAL_CREDIT(2.0 / 3.0));
	/* five levels, top 4: at-most l0, value l3: (4 − 3)/(4 − 0) = 1/4 */
	expect(s,
	       PARTIAL("t.maturity", "at-most", "l0"),
	       FACT("t.maturity", "l3"),
	       PARTIAL_CREDIT(1.0 / 4.0));
	/* a threshold at the top is met by every level: co-developed ≤ co-developed → 1 */
	expect(s,
	       PARTIAL("t.process", "at-most", "co-developed"),
	       FACT("t.process", "co-developed"),
	       PASS);
}

static void
test_evaluate_enum_is_in_not_in(void **state)
{
	const State *s = *state;

	expect(s, CHECK("t.regime", "is", "mandatory"), FACT("t.regime", "mandatory"), PASS);
	expect(s, CHECK("t.regime", "is", "mandatory"), FACT("t.regime", "none"), FAIL);
	expect(s,
	       CHECK("t.regime", "in", "voluntary-label mandatory"),
	       FACT("t.regime", "voluntary-label"),
	       PASS);
	expect(s,
	       CHECK("t.regime", "in", "voluntary-label mandatory"),
	       FACT("t.regime", "none"),
	       FAIL);
	expect(s, CHECK("t.regime", "not-in", "none"), FACT("t.regime", "none"), FAIL);
	expect(s, CHECK("t.regime", "not-in", "none"), FACT("t.regime", "mandatory"), PASS);
	expect(s, CHECK("t.regime", "is", "none"), NO_FACTS, UNKNOWN);
}

static void
test_evaluate_number_ops(void **state)
{
	const State *s = *state;

	/* at-least 1000: 999 < 1000 fails, equal passes, above passes */
	expect(s, CHECK("t.size", "at-least", "1000"), FACT("t.size", "999"), FAIL);
	expect(s, CHECK("t.size", "at-least", "1000"), FACT("t.size", "1000"), PASS);
	expect(s, CHECK("t.size", "at-least", "1000"), FACT("t.size", "5000"), PASS);
	/* decimals compare as numbers: 999.4 < 999.5 */
	expect(s, CHECK("t.size", "at-least", "999.5"), FACT("t.size", "999.4"), FAIL);
	expect(s, CHECK("t.size", "at-least", "999.5"), FACT("t.size", "999.5"), PASS);
	/* at-most 1000: equal passes, 1000.5 fails */
	expect(s, CHECK("t.size", "at-most", "1000"), FACT("t.size", "1000"), PASS);
	expect(s, CHECK("t.size", "at-most", "1000"), FACT("t.size", "1000.5"), FAIL);
	expect(s, CHECK("t.size", "at-most", "1000"), FACT("t.size", "0"), PASS);
	/* is compares the value, not the spelling: 1000 = 1000.0 */
	expect(s, CHECK("t.size", "is", "1000"), FACT("t.size", "1000.0"), PASS);
	expect(s, CHECK("t.size", "is", "1000"), FACT("t.size", "1001"), FAIL);
	expect(s, CHECK("t.size", "at-least", "1000"), NO_FACTS, UNKNOWN);
}

static void
test_evaluate_date_ops(void **state)
{
	const State *s = *state;

	/* on-or-after 2020-01-01: the day before fails, the day itself and later pass */
	expect(s, CHECK("t.date", "on-or-after", "2020-01-01"), FACT("t.date", "2019-12-31"), FAIL);
	expect(s, CHECK("t.date", "on-or-after", "2020-01-01"), FACT("t.date", "2020-01-01"), PASS);
	expect(s, CHECK("t.date", "on-or-after", "2020-01-01"), FACT("t.date", "2020-01-02"), PASS);
	/* on-or-before 2020-03-01: 2020-02-29 (a leap day) passes, the day after fails */
	expect(s,
	       CHECK("t.date", "on-or-before", "2020-03-01"),
	       FACT("t.date", "2020-02-29"),
	       PASS);
	expect(s,
	       CHECK("t.date", "on-or-before", "2020-03-01"),
	       FACT("t.date", "2020-03-01"),
	       PASS);
	expect(s,
	       CHECK("t.date", "on-or-before", "2020-03-01"),
	       FACT("t.date", "2020-03-02"),
	       FAIL);
	/* years compare before months: 2019-12-31 is before 2020-01-01 */
	expect(s,
	       CHECK("t.date", "on-or-before", "2020-01-01"),
	       FACT("t.date", "2019-12-31"),
	       PASS);
	expect(s, CHECK("t.date", "is", "2018-05-01"), FACT("t.date", "2018-05-01"), PASS);
	expect(s, CHECK("t.date", "is", "2018-05-01"), FACT("t.date", "2018-05-02"), FAIL);
	expect(s, CHECK("t.date", "on-or-after", "2020-01-01"), NO_FACTS, UNKNOWN);
}

/* building blocks for the combinator tests, each with its value under FACTS_MIXED:
 *   C_PASS     t.flag is true, flag = true                    → pass 1
 *   C_FAIL     t.other is true, other = false                 → fail 0
 *   C_UNKNOWN  t.size at-least 1, size not stated             → unknown
 *   C_HALF     process at-least open-comment, consultation    → 1/2
 *   C_QUARTER  maturity at-least l4, l1                       → 1/4
 *   C_3QUARTER maturity at-most l0, l1: (4 − 1)/(4 − 0)       → 3/4 */
#define C_PASS	   CHECK("t.flag", "is", "true")
#define C_FAIL	   CHECK("t.other", "is", "true")
#define C_UNKNOWN  CHECK("t.size", "at-least", "1")
#define C_HALF	   PARTIAL("t.process", "at-least", "open-comment")
#define C_QUARTER  PARTIAL("t.maturity", "at-least", "l4")
#define C_3QUARTER PARTIAL("t.maturity", "at-most", "l0")
#define FACTS_MIXED                                                                                \
	FACT("t.flag", "true")                                                                     \
	FACT("t.other", "false") FACT("t.process", "consultation") FACT("t.maturity", "l1")
#define ALL(x) "<all>" x "</all>"
#define ANY(x) "<any>" x "</any>"
#define NOT(x) "<not>" x "</not>"

static void
test_evaluate_blocks(void **state)
{
	const State *s = *state;

	/* the building blocks on their own, so the combinator tests below rest on them */
	expect(s, C_PASS, FACTS_MIXED, PASS);
	expect(s, C_FAIL, FACTS_MIXED, FAIL);
	expect(s, C_UNKNOWN, FACTS_MIXED, UNKNOWN);
	expect(s, C_HALF, FACTS_MIXED, PARTIAL_CREDIT(0.5));
	expect(s, C_QUARTER, FACTS_MIXED, PARTIAL_CREDIT(0.25));
	expect(s, C_3QUARTER, FACTS_MIXED, PARTIAL_CREDIT(0.75));
}

static void
test_evaluate_all_kleene(void **state)
{
	const State *s = *state;

	/* a known failure decides `all`, in either order: fail ∧ unknown = fail */
	expect(s, ALL(C_FAIL C_UNKNOWN), FACTS_MIXED, FAIL);
	expect(s, ALL(C_UNKNOWN C_FAIL), FACTS_MIXED, FAIL);
	/* pass ∧ unknown = unknown (the unknown could be a failure) */
	expect(s, ALL(C_PASS C_UNKNOWN), FACTS_MIXED, UNKNOWN);
	expect(s, ALL(C_UNKNOWN C_PASS), FACTS_MIXED, UNKNOWN);
	/* partial ∧ unknown = unknown too: no child failed outright */
	expect(s, ALL(C_HALF C_UNKNOWN), FACTS_MIXED, UNKNOWN);
	expect(s, ALL(C_UNKNOWN C_UNKNOWN), FACTS_MIXED, UNKNOWN);
	/* all known: min credit. pass ∧ pass = 1; pass ∧ 1/2 = 1/2; 1/2 ∧ 1/4 = 1/4 */
	expect(s, ALL(C_PASS C_PASS), FACTS_MIXED, PASS);
	expect(s, ALL(C_PASS C_HALF), FACTS_MIXED, PARTIAL_CREDIT(0.5));
	expect(s, ALL(C_HALF C_QUARTER C_3QUARTER), FACTS_MIXED, PARTIAL_CREDIT(0.25));
	/* partial ∧ fail = fail: min(1/2, 0) = 0 */
	expect(s, ALL(C_HALF C_FAIL), FACTS_MIXED, FAIL);
	/* a single child passes its value through */
	expect(s, ALL(C_HALF), FACTS_MIXED, PARTIAL_CREDIT(0.5));
}

static void
test_evaluate_any_kleene(void **state)
{
	const State *s = *state;

	/* a known pass decides `any`, in either order: pass ∨ unknown = pass */
	expect(s, ANY(C_PASS C_UNKNOWN), FACTS_MIXED, PASS);
	expect(s, ANY(C_UNKNOWN C_PASS), FACTS_MIXED, PASS);
	/* fail ∨ unknown = unknown (the unknown could be a pass) */
	expect(s, ANY(C_FAIL C_UNKNOWN), FACTS_MIXED, UNKNOWN);
	/* partial ∨ unknown = unknown: no child passed outright */
	expect(s, ANY(C_HALF C_UNKNOWN), FACTS_MIXED, UNKNOWN);
	/* all known: max credit. 1/2 ∨ fail = 1/2; 1/4 ∨ 3/4 ∨ 1/2 = 3/4; fail ∨ fail = fail */
	expect(s, ANY(C_HALF C_FAIL), FACTS_MIXED, PARTIAL_CREDIT(0.5));
	expect(s, ANY(C_QUARTER C_3QUARTER C_HALF), FACTS_MIXED, PARTIAL_CREDIT(0.75));
	expect(s, ANY(C_FAIL C_FAIL), FACTS_MIXED, FAIL);
	expect(s, ANY(C_FAIL C_PASS), FACTS_MIXED, PASS);
}

static void
test_evaluate_not(void **state)
{
	const State *s = *state;

	/* not swaps pass and fail, maps a partial c to 1 − c, and leaves unknown unknown */
	expect(s, NOT(C_PASS), FACTS_MIXED, FAIL);
	expect(s, NOT(C_FAIL), FACTS_MIXED, PASS);
	/* not(1/4) = 1 − 1/4 = 3/4 */
	expect(s, NOT(C_QUARTER), FACTS_MIXED, PARTIAL_CREDIT(0.75));
	/* not(1/2) = 1/2 */
	expect(s, NOT(C_HALF), FACTS_MIXED, PARTIAL_CREDIT(0.5));
	expect(s, NOT(C_UNKNOWN), FACTS_MIXED, UNKNOWN);
	/* double negation: not(not(1/4)) = 1 − 3/4 = 1/4 */
	expect(s, NOT(NOT(C_QUARTER)), FACTS_MIXED, PARTIAL_CREDIT(0.25));
}

static void
test_evaluate_nested(void **state)
{
	const State *s = *state;

	/* all(any(fail, 3/4), not(1/2)) = min(max(0, 3/4), 1 − 1/2) = min(3/4, 1/2) = 1/2 */
	expect(s, ALL(ANY(C_FAIL C_3QUARTER) NOT(C_HALF)), FACTS_MIXED, PARTIAL_CREDIT(0.5));
	/* any(all(pass, 1/4), not(3/4)) = max(min(1, 1/4), 1 − 3/4) = max(1/4, 1/4) = 1/4 */
	expect(s, ANY(ALL(C_PASS C_QUARTER) NOT(C_3QUARTER)), FACTS_MIXED, PARTIAL_CREDIT(0.25));
	/* not(any(unknown, fail)) = not(unknown) = unknown; all(that, pass) = unknown */
	expect(s, ALL(NOT(ANY(C_UNKNOWN C_FAIL)) C_PASS), FACTS_MIXED, UNKNOWN);
	/* not(any(unknown, pass)) = not(pass) = fail; all(fail, unknown) = fail */
	expect(s, ALL(NOT(ANY(C_UNKNOWN C_PASS)) C_UNKNOWN), FACTS_MIXED, FAIL);
	/* any(all(unknown, fail), 1/2) = any(fail, 1/2) = 1/2: the inner fail decided `all` */
	expect(s, ANY(ALL(C_UNKNOWN C_FAIL) C_HALF), FACTS_MIXED, PARTIAL_CREDIT(0.5));
	/* any(all(unknown, pass), fail) = any(unknown, fail) = unknown */
	expect(s, ANY(ALL(C_UNKNOWN C_PASS) C_FAIL), FACTS_MIXED, UNKNOWN);
}

#define WHEN(x) "<when>" x "</when>"

static void
test_evaluate_precondition(void **state)
{
	const State *s = *state;
	const gchar *body = WHEN(CHECK("t.regime", "not-in", "none"))
	    CHECK("t.regime", "in", "voluntary-label");

	/* the precondition fails (none ∈ {none}): not applicable, credit 0 */
	expect(s, body, FACT("t.regime", "none"), NOT_APPLICABLE);
	/* the precondition's fact is not stated: unknown, not "not applicable" */
	expect(s, body, NO_FACTS, UNKNOWN);
	/* the precondition holds: the check decides */
	expect(s, body, FACT("t.regime", "mandatory"), FAIL);
	expect(s, body, FACT("t.regime", "voluntary-label"), PASS);
	/* a failing precondition wins even over a check that would pass */
	expect(s, WHEN(C_FAIL) C_PASS, FACTS_MIXED, NOT_APPLICABLE);
	/* a precondition that holds lets a partial or unknown check through */
	expect(s, WHEN(C_PASS) C_HALF, FACTS_MIXED, PARTIAL_CREDIT(0.5));
	expect(s, WHEN(C_PASS) C_UNKNOWN, FACTS_MIXED, UNKNOWN);
	/* combinators in a precondition follow the same logic: fail ∧ unknown = fail → n/a;
	 * pass ∨ unknown = pass → holds; pass ∧ unknown = unknown → unknown */
	expect(s, WHEN(ALL(C_FAIL C_UNKNOWN)) C_PASS, FACTS_MIXED, NOT_APPLICABLE);
	expect(s, WHEN(ANY(C_PASS C_UNKNOWN)) C_PASS, FACTS_MIXED, PASS);
	expect(s, WHEN(ALL(C_PASS C_UNKNOWN)) C_PASS, FACTS_MIXED, UNKNOWN);
	expect(s, WHEN(NOT(C_FAIL)) C_FAIL, FACTS_MIXED, FAIL);
}

static void
test_evaluate_outcome_strings(void **state)
{
	const gchar *names[] = {"pass", "partial", "fail", "unknown", "not-applicable"};
	const AccordOutcome outcomes[] = {ACCORD_OUTCOME_PASS,
					  ACCORD_OUTCOME_PARTIAL,
					  ACCORD_OUTCOME_FAIL,
					  ACCORD_OUTCOME_UNKNOWN,
					  ACCORD_OUTCOME_NOT_APPLICABLE};
	AccordOutcome outcome;

	for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
		assert_string_equal(accord_outcome_to_string(outcomes[i]), names[i]);
		outcome = ACCORD_OUTCOME_PASS;
		assert_true(accord_outcome_from_string(names[i], &outcome));
		assert_int_equal(outcome, outcomes[i]);
	}
	outcome = ACCORD_OUTCOME_FAIL;
	assert_false(accord_outcome_from_string("passed", &outcome));
	assert_false(accord_outcome_from_string("PASS", &outcome));
	assert_false(accord_outcome_from_string("", &outcome));
	assert_false(accord_outcome_from_string(NULL, &outcome));
	/* a failed lookup leaves the output alone */
	assert_int_equal(outcome, ACCORD_OUTCOME_FAIL);
}

/* the reason of one criterion, checked for every expected fragment */
static void
expect_reason(const State *s, const gchar *body, const gchar *facts, const gchar *const *parts)
{
	Result r = evaluate(s, body, facts);
	gboolean ok = TRUE;

	for (guint i = 0; parts[i] != NULL; i++) {
		if (strstr(r.reason, parts[i]) == NULL) {
			print_error("reason '%s' lacks '%s'\n", r.reason, parts[i]);
			ok = FALSE;
		}
	}
	g_free(r.reason);
	if (!ok)
		fail();
}

static void
test_evaluate_reason_names_fact_and_value(void **state)
{
	const State *s = *state;

	/* the fact, its stated value and the threshold */
	expect_reason(s,
		      CHECK("t.size", "at-least", "1000"),
		      FACT("t.size", "5000"),
		      (const gchar *[]){"t.size", "5000", "1000", NULL});
	expect_reason(s,
		      PARTIAL("t.process", "at-least", "open-comment"),
		      FACT("t.process", "consultation"),
		      (const gchar *[]){"t.process", "consultation", "open-comment", NULL});
	expect_reason(s,
		      CHECK("t.date", "on-or-after", "2020-01-01"),
		      FACT("t.date", "2018-05-01"),
		      (const gchar *[]){"t.date", "2018-05-01", "2020-01-01", NULL});
	expect_reason(s,
		      CHECK("t.regime", "in", "voluntary-label mandatory"),
		      FACT("t.regime", "none"),
		      (const gchar *[]){"t.regime", "none", "voluntary-label", "mandatory", NULL});
	expect_reason(s,
		      CHECK("t.flag", "is", "true"),
		      FACT("t.flag", "false"),
		      (const gchar *[]){"t.flag", "false", NULL});
	/* a fact the profile does not state is named as such */
	expect_reason(s,
		      CHECK("t.size", "at-least", "1000"),
		      NO_FACTS,
		      (const gchar *[]){"t.size", "not stated", NULL});
	/* every fact of a combinator is named, stated or not */
	expect_reason(s,
		      ALL(C_PASS C_UNKNOWN),
		      FACTS_MIXED,
		      (const gchar *[]){"t.flag", "true", "t.size", "not stated", NULL});
	/* a precondition that fails is explained by its own fact */
	expect_reason(s,
		      WHEN(CHECK("t.regime", "not-in", "none")) C_PASS,
		      FACT("t.regime", "none"),
		      (const gchar *[]){"precondition", "t.regime", "none", NULL});
	/* an unknown precondition says which fact is missing */
	expect_reason(s,
		      WHEN(CHECK("t.regime", "not-in", "none")) C_PASS,
		      NO_FACTS,
		      (const gchar *[]){"precondition", "t.regime", "not stated", NULL});
}

static void
test_evaluate_reason_prints_numbers_as_written(void **state)
{
	const State *s = *state;

	/* a number is shown as the profile wrote it: 0.1, not 0.10000000000000001 */
	expect_reason(s,
		      CHECK("t.size", "at-least", "0.25"),
		      FACT("t.size", "0.1"),
		      (const gchar *[]){"t.size = 0.1 ", "0.25", NULL});
	expect_reason(s,
		      CHECK("t.size", "at-least", "0.3"),
		      FACT("t.size", "2.5"),
		      (const gchar *[]){"t.size = 2.5 ", "at-least 0.3)", NULL});
}

/* the confidence of one criterion's result */
static AccordConfidence
confidence_of(const State *s, const gchar *body, const gchar *facts)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordRuleset) ruleset = load_ruleset(s->vocab, body);
	g_autoptr(AccordProfile) profile = load_profile(s->vocab, facts);
	g_autoptr(AccordEvaluation) evaluation = accord_evaluate(ruleset, profile, &error);

	assert_non_null(evaluation);
	return accord_evaluation_get_result(evaluation, accord_ruleset_get_criterion(ruleset, 0))
	    ->confidence;
}

#define FACT_AT(key, value, confidence)                                                            \
	"<fact key=\"" key "\" value=\"" value "\" confidence=\"" confidence "\">"                 \
	"<evidence title=\"Test source\" date=\"2024-01\"/></fact>"

/* the weakest confidence of the stated facts a criterion reads, wherever they stand */
static void
test_evaluate_confidence_is_the_weakest_fact_read(void **state)
{
	State *s = *state;
	const gchar *both = "<all>" CHECK("t.flag", "is", "true")
	    CHECK("t.other", "is", "true") "</all>";

	/* all of a low and a medium fact: low, though the low one alone decides nothing */
	assert_int_equal(confidence_of(s,
				       both,
				       FACT_AT("t.flag", "true", "low")
					   FACT_AT("t.other", "true", "medium")),
			 ACCORD_CONFIDENCE_LOW);
	/* a fact the profile does not state adds nothing: high */
	assert_int_equal(confidence_of(s,
				       "<any>" CHECK("t.flag", "is", "true")
					   CHECK("t.other", "is", "true") "</any>",
				       FACT_AT("t.flag", "true", "high")),
			 ACCORD_CONFIDENCE_HIGH);
	/* under a negation, the fact's own */
	assert_int_equal(confidence_of(s,
				       "<not>" CHECK("t.flag", "is", "true") "</not>",
				       FACT_AT("t.flag", "false", "medium")),
			 ACCORD_CONFIDENCE_MEDIUM);
	/* a precondition that is false: its facts' (not applicable, low) */
	assert_int_equal(
	    confidence_of(
		s,
		"<when>" CHECK("t.other", "is", "true") "</when>" CHECK("t.flag", "is", "true"),
		FACT_AT("t.other", "false", "low") FACT_AT("t.flag", "true", "high")),
	    ACCORD_CONFIDENCE_LOW);
	/* a precondition that holds: the weakest of it and the check */
	assert_int_equal(
	    confidence_of(
		s,
		"<when>" CHECK("t.other", "is", "true") "</when>" CHECK("t.flag", "is", "true"),
		FACT_AT("t.other", "true", "medium") FACT_AT("t.flag", "true", "high")),
	    ACCORD_CONFIDENCE_MEDIUM);
}

/* a copy that meets a criterion wraps its reason, formatted on demand, once per copy */
static void
test_evaluate_reason_of_met_copies(void **state)
{
	State *s = *state;
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordRuleset) ruleset = load_ruleset(
	    s->vocab,
	    "<when>" CHECK("t.other", "is", "true") "</when>" CHECK("t.flag", "is", "true"));
	g_autoptr(AccordProfile) profile =
	    load_profile(s->vocab, FACT("t.flag", "false") FACT("t.other", "true"));
	g_autoptr(AccordEvaluation) base = accord_evaluate(ruleset, profile, &error);
	const AccordCriterion *c = accord_ruleset_get_criterion(ruleset, 0);
	g_autoptr(GPtrArray) met = g_ptr_array_new();
	g_autoptr(AccordEvaluation) waived = NULL;
	g_autoptr(AccordEvaluation) both = NULL;
	g_autofree gchar *r0 = NULL, *r1 = NULL, *r2 = NULL, *w1 = NULL, *w2 = NULL;

	assert_non_null(base);
	g_ptr_array_add(met, (gpointer)c);
	waived = accord_evaluation_new_with_met(base, met, "waived", FALSE);
	both = accord_evaluation_new_with_met(waived, met, "assumed met", TRUE);
	r0 = accord_evaluation_format_reason(base, c);
	r1 = accord_evaluation_format_reason(waived, c);
	r2 = accord_evaluation_format_reason(both, c);
	assert_string_equal(r0,
			    "precondition: t.other = true (needs is true); then: t.flag = false "
			    "(needs is true)");
	w1 = g_strconcat("waived (was fail: ", r0, ")", NULL);
	w2 = g_strconcat("assumed met (was pass: ", w1, ")", NULL);
	assert_string_equal(r1, w1);
	assert_string_equal(r2, w2);
	/* the outcomes: fail, then pass twice; the facts become known only in the last */
	assert_int_equal(accord_evaluation_get_result(base, c)->outcome, ACCORD_OUTCOME_FAIL);
	assert_int_equal(accord_evaluation_get_result(waived, c)->outcome, ACCORD_OUTCOME_PASS);
	assert_int_equal(accord_evaluation_get_result(both, c)->outcome, ACCORD_OUTCOME_PASS);
}

static void
test_evaluate_fixture_profiles(void **state)
{
	Fixture f;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *bpath = test_data_path("good/profile-b.xml");
	g_autofree gchar *cpath = test_data_path("good/profile-c.xml");
	g_autoptr(AccordProfile) b = NULL;
	g_autoptr(AccordProfile) c = NULL;
	g_autoptr(AccordEvaluation) eb = NULL;
	g_autoptr(AccordEvaluation) ec = NULL;

	fixture_load(&f);
	b = accord_profile_load_file(bpath, f.vocab, &error);
	assert_non_null(b);
	c = accord_profile_load_file(cpath, f.vocab, &error);
	assert_non_null(c);
	eb = accord_evaluate(f.ruleset, b, &error);
	assert_non_null(eb);
	ec = accord_evaluate(f.ruleset, c, &error);
	assert_non_null(ec);
	/* profile B meets every criterion, two of them on the boundary:
	 * strategy 2020-01-01 on-or-after 2020-01-01, workforce 1000 at-least 1000 */
	for (guint i = 0; i < accord_ruleset_get_n_criteria(f.ruleset); i++) {
		const AccordCriterion *criterion = accord_ruleset_get_criterion(f.ruleset, i);
		const AccordCriterionResult *r = accord_evaluation_get_result(eb, criterion);

		if (r->outcome != ACCORD_OUTCOME_PASS)
			print_error("profile B: %s is %s\n",
				    accord_criterion_get_id(criterion),
				    accord_outcome_to_string(r->outcome));
		assert_int_equal(r->outcome, ACCORD_OUTCOME_PASS);
		assert_close(r->credit, 1.0, 1e-12);
	}
	/* profile C states only iot.regime = none: c-iot's precondition (not-in none) fails,
	 * so it is not applicable; every other criterion reads an unstated fact; c-enc is
	 * not(unknown) = unknown */
	for (guint i = 0; i < accord_ruleset_get_n_criteria(f.ruleset); i++) {
		const AccordCriterion *criterion = accord_ruleset_get_criterion(f.ruleset, i);
		const AccordCriterionResult *r = accord_evaluation_get_result(ec, criterion);
		gboolean is_iot = g_strcmp0(accord_criterion_get_id(criterion), "c-iot") == 0;

		assert_int_equal(r->outcome,
				 is_iot ? ACCORD_OUTCOME_NOT_APPLICABLE : ACCORD_OUTCOME_UNKNOWN);
		assert_close(r->credit, 0.0, 1e-12);
	}
	/* the evaluation keeps what it evaluated */
	assert_ptr_equal(accord_evaluation_get_ruleset(eb), f.ruleset);
	assert_ptr_equal(accord_evaluation_get_profile(eb), b);
	fixture_clear(&f);
}

static void
test_evaluate_profile_a_by_hand(void **state)
{
	Fixture f;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = test_data_path("good/profile-a.xml");
	g_autoptr(AccordProfile) a = NULL;
	g_autoptr(AccordEvaluation) e = NULL;
	/* c-csirt true is true → pass; c-cvd draft (1) at-least adopted (2) partial → 1/2;
	 * c-first not stated → unknown; c-process consultation (1) at-least open-comment (2)
	 * → 1/2; c-iot mandatory ∉ {none} holds, mandatory ∉ {voluntary-label} → fail;
	 * c-strategy 2018-05-01 < 2020-01-01 → fail; c-workforce 5000 ≥ 1000 → pass;
	 * c-enc not(false is true) = not(fail) → pass */
	const struct {
		const gchar *id;
		AccordOutcome outcome;
		gdouble credit;
	} want[] = {
	    {"c-csirt", PASS},
	    {"c-cvd", PARTIAL_CREDIT(0.5)},
	    {"c-first", UNKNOWN},
	    {"c-process", PARTIAL_CREDIT(0.5)},
	    {"c-iot", FAIL},
	    {"c-strategy", FAIL},
	    {"c-workforce", PASS},
	    {"c-enc", PASS},
	};

	fixture_load(&f);
	a = accord_profile_load_file(path, f.vocab, &error);
	assert_non_null(a);
	e = accord_evaluate(f.ruleset, a, &error);
	assert_non_null(e);
	for (guint i = 0; i < G_N_ELEMENTS(want); i++) {
		const AccordCriterion *criterion =
		    accord_ruleset_lookup_criterion(f.ruleset, want[i].id);
		const AccordCriterionResult *r;

		assert_non_null(criterion);
		r = accord_evaluation_get_result(e, criterion);
		if (r->outcome != want[i].outcome)
			print_error("%s: %s\n", want[i].id, accord_outcome_to_string(r->outcome));
		assert_int_equal(r->outcome, want[i].outcome);
		assert_close(r->credit, want[i].credit, 1e-12);
	}
	fixture_clear(&f);
}

static void
test_evaluate_refuses_other_vocabulary(void **state)
{
	const State *s = *state;
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordVocabulary) other = NULL;
	g_autoptr(AccordRuleset) ruleset = load_ruleset(s->vocab, C_PASS);
	g_autoptr(AccordProfile) profile = NULL;
	g_autoptr(AccordEvaluation) evaluation = NULL;

	/* the same text loaded twice is two vocabularies: fact definitions are compared by
	 * identity, so mixing them is a usage error, not a silent mismatch */
	other =
	    accord_vocabulary_load_data(vocabulary_xml, strlen(vocabulary_xml), "<other>", &error);
	assert_non_null(other);
	profile = load_profile(other, FACT("t.flag", "true"));
	evaluation = accord_evaluate(ruleset, profile, &error);
	assert_null(evaluation);
	assert_accord_error(error, ACCORD_ERROR_USAGE, "ruleset 'evaluate-test'");
	assert_non_null(strstr(error->message, "TT"));
	assert_non_null(strstr(error->message, "vocabular"));
}

/* the facts a criterion reads: precondition first, then in the order the checks name them,
 * each once, skipping what the array holds already; the long case (over 32 entries before
 * repeats are dropped) goes through a set instead of a scan and must keep the same order */
static void
expect_facts(const AccordRuleset *ruleset, GPtrArray *defs, const gchar *const *keys)
{
	guint n = 0;

	accord_criterion_collect_facts(accord_ruleset_get_criterion(ruleset, 0), defs);
	for (; keys[n] != NULL; n++) {
		assert_true(n < defs->len);
		assert_string_equal(accord_fact_def_get_key(g_ptr_array_index(defs, n)), keys[n]);
	}
	assert_int_equal(defs->len, n);
}

static void
test_evaluate_collects_facts_once(void **state)
{
	const State *s = *state;
	const gchar *const short_keys[] = {"t.regime", "t.flag", "t.other", NULL};
	const gchar *const long_keys[] = {"t.size", "t.flag", "t.other", NULL};
	const gchar *const then_keys[] = {"t.size", "t.flag", "t.other", "t.regime", NULL};
	g_autoptr(GString) many = g_string_new("<any>");
	g_autoptr(GPtrArray) defs = g_ptr_array_new();
	g_autoptr(AccordRuleset) shortlist = load_ruleset(
	    s->vocab,
	    WHEN(CHECK("t.regime", "not-in", "none"))
		ALL(CHECK("t.flag", "is", "true") CHECK("t.other", "is", "true")
			CHECK("t.flag", "is", "false") CHECK("t.regime", "in", "mandatory")));
	g_autoptr(AccordRuleset) longlist = NULL;
	g_autoptr(AccordRuleset) regime = load_ruleset(s->vocab, CHECK("t.regime", "in", "none"));

	expect_facts(shortlist, defs, short_keys);
	/* 40 checks on 3 facts */
	g_string_append(many, CHECK("t.size", "at-least", "1"));
	for (guint i = 0; i < 39; i++)
		g_string_append(many,
				i % 2 == 0 ? CHECK("t.flag", "is", "true")
					   : CHECK("t.other", "is", "true"));
	g_string_append(many, "</any>");
	longlist = load_ruleset(s->vocab, many->str);
	g_ptr_array_set_size(defs, 0);
	expect_facts(longlist, defs, long_keys);
	/* a second criterion adds only the fact the array does not hold */
	expect_facts(regime, defs, then_keys);
	/* and one whose facts it holds already adds nothing */
	expect_facts(longlist, defs, then_keys);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_evaluate_boolean_is),
	    cmocka_unit_test(test_evaluate_level_is_in_not_in),
	    cmocka_unit_test(test_evaluate_level_at_least_without_partial),
	    cmocka_unit_test(test_evaluate_level_at_most_without_partial),
	    cmocka_unit_test(test_evaluate_partial_credit_at_least),
	    cmocka_unit_test(test_evaluate_partial_credit_at_most),
	    cmocka_unit_test(test_evaluate_enum_is_in_not_in),
	    cmocka_unit_test(test_evaluate_number_ops),
	    cmocka_unit_test(test_evaluate_date_ops),
	    cmocka_unit_test(test_evaluate_blocks),
	    cmocka_unit_test(test_evaluate_all_kleene),
	    cmocka_unit_test(test_evaluate_any_kleene),
	    cmocka_unit_test(test_evaluate_not),
	    cmocka_unit_test(test_evaluate_nested),
	    cmocka_unit_test(test_evaluate_precondition),
	    cmocka_unit_test(test_evaluate_outcome_strings),
	    cmocka_unit_test(test_evaluate_reason_names_fact_and_value),
	    cmocka_unit_test(test_evaluate_reason_prints_numbers_as_written),
	    cmocka_unit_test(test_evaluate_reason_of_met_copies),
	    cmocka_unit_test(test_evaluate_confidence_is_the_weakest_fact_read),
	    cmocka_unit_test(test_evaluate_fixture_profiles),
	    cmocka_unit_test(test_evaluate_profile_a_by_hand),
	    cmocka_unit_test(test_evaluate_refuses_other_vocabulary),
	    cmocka_unit_test(test_evaluate_collects_facts_once),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
