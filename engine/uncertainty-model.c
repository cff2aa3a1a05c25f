#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "evaluate-private.h"
#include "uncertainty-private.h"
#include "util-private.h"

/* The model of an uncertainty analysis: which facts may change for each country, what each
 * may change to, and every selected criterion's outcome in every state of its facts, so that
 * a draw only looks outcomes up and re-aggregates them (uncertainty-run.c,
 * uncertainty-evidence.c) */

/* a criterion whose facts have more joint states than this is refused: its table would be
 * too large to build */
#define MAX_STATES (1u << 16)

/* every fact check of @check, by the fact it reads (def → GPtrArray of checks) */
static void
collect_checks(const AccordCheck *check, GHashTable *checks)
{
	GPtrArray *list;

	if (check == NULL)
		return;
	if (accord_check_get_kind(check) != ACCORD_CHECK_FACT) {
		for (guint i = 0; i < accord_check_get_n_children(check); i++)
			collect_checks(accord_check_get_child(check, i), checks);
		return;
	}
	list = g_hash_table_lookup(checks, accord_check_get_fact(check));
	if (list == NULL) {
		list = g_ptr_array_new();
		g_hash_table_insert(checks, (gpointer)accord_check_get_fact(check), list);
	}
	g_ptr_array_add(list, (gpointer)check);
}

static GHashTable *
checks_by_fact(const AccordRuleset *ruleset)
{
	GHashTable *checks =
	    g_hash_table_new_full(NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);

	for (guint i = 0; i < accord_ruleset_get_n_criteria(ruleset); i++) {
		const AccordCriterion *c = accord_ruleset_get_criterion(ruleset, i);

		collect_checks(accord_criterion_get_precondition(c), checks);
		collect_checks(accord_criterion_get_check(c), checks);
	}
	return checks;
}

/* ---- what a fact may flip to ---- */

static gboolean
same_credits(const GPtrArray *checks, const AccordValue *a, const AccordValue *b)
{
	for (guint i = 0; i < checks->len; i++) {
		if (accord_check_credit(g_ptr_array_index(checks, i), a) !=
		    accord_check_credit(g_ptr_array_index(checks, i), b))
			return FALSE;
	}
	return TRUE;
}

static gint
compare_doubles(gconstpointer a, gconstpointer b)
{
	gdouble x = *(const gdouble *)a, y = *(const gdouble *)b;

	return (x > y) - (x < y);
}

static AccordValue
value_at(AccordFactType type, gdouble x)
{
	AccordValue v = {type, {0}};

	if (type == ACCORD_FACT_TYPE_DATE)
		v.v.julian = (guint32)CLAMP(x, 1, G_MAXUINT32);
	else
		v.v.number = x;
	return v;
}

/* a value in every class of values the checks tell apart: each threshold, a value between
 * each two, and one beyond each end (dates: the days either side of each threshold) */
static GArray *
candidates(AccordFactType type, const GPtrArray *checks)
{
	GArray *points = g_array_new(FALSE, FALSE, sizeof(gdouble));
	GArray *out = g_array_new(FALSE, FALSE, sizeof(gdouble));

	for (guint i = 0; i < checks->len; i++) {
		const AccordCheck *check = g_ptr_array_index(checks, i);

		for (guint j = 0; j < accord_check_get_n_values(check); j++) {
			const AccordValue *t = accord_check_get_value(check, j);
			gdouble x = type == ACCORD_FACT_TYPE_DATE ? t->v.julian : t->v.number;

			g_array_append_val(points, x);
		}
	}
	g_array_sort(points, compare_doubles);
	for (guint i = 0; i < points->len; i++) {
		gdouble x = g_array_index(points, gdouble, i);
		gdouble around[] = {x - 1, x, x + 1};

		if (type == ACCORD_FACT_TYPE_NUMBER && i + 1 < points->len)
			around[2] = (x + g_array_index(points, gdouble, i + 1)) / 2;
		g_array_append_vals(out, around, 3);
	}
	g_array_sort(out, compare_doubles);
	g_array_unref(points);
	return out;
}

/* a number or date flips to the nearest value, below or above, that some check of the ruleset
 * judges differently: a misreading that matters */
static guint
threshold_neighbours(const AccordValue *value, const GPtrArray *checks, AccordValue *out)
{
	AccordFactType type = value->type;
	g_autoptr(GArray) points = candidates(type, checks);
	gdouble x = type == ACCORD_FACT_TYPE_DATE ? value->v.julian : value->v.number;
	guint n = 0;

	for (guint i = points->len; i-- > 0;) {
		AccordValue v = value_at(type, g_array_index(points, gdouble, i));

		if (g_array_index(points, gdouble, i) < x && !same_credits(checks, &v, value)) {
			out[n++] = v;
			break;
		}
	}
	for (guint i = 0; i < points->len; i++) {
		AccordValue v = value_at(type, g_array_index(points, gdouble, i));

		if (g_array_index(points, gdouble, i) > x && !same_credits(checks, &v, value)) {
			out[n++] = v;
			break;
		}
	}
	return n;
}

/* the values a fact may flip to: the other boolean, the levels either side, every other
 * symbol of an enum, the nearest judged-differently number or date; the caller frees */
static guint
neighbours_of(const AccordFactDef *def,
	      const AccordValue *value,
	      const GPtrArray *checks,
	      AccordValue **out)
{
	guint n = 0, max = MAX(2, accord_fact_def_get_n_symbols(def));
	AccordValue v = *value;

	*out = g_new0(AccordValue, max);
	switch (value->type) {
	case ACCORD_FACT_TYPE_BOOLEAN:
		v.v.boolean = !value->v.boolean;
		(*out)[n++] = v;
		return n;
	case ACCORD_FACT_TYPE_LEVEL:
		for (gint d = -1; d <= 1; d += 2) {
			gint level = (gint)value->v.level + d;

			v.v.level = (guint)level;
			if (level >= 0 &&
			    level < (gint)accord_scale_get_n_levels(accord_fact_def_get_scale(def)))
				(*out)[n++] = v;
		}
		return n;
	case ACCORD_FACT_TYPE_ENUM:
		for (guint s = 0; s < accord_fact_def_get_n_symbols(def); s++) {
			v.v.symbol = s;
			if (s != value->v.symbol)
				(*out)[n++] = v;
		}
		return n;
	default:
		return checks != NULL ? threshold_neighbours(value, checks, *out) : 0;
	}
}

/* ---- the chance a fact changes ---- */

/* the last day a date as precise as known (YYYY, YYYY-MM, YYYY-MM-DD) may mean, so evidence
 * is never taken as older than it may be */
static guint32
latest_day(const gchar *date)
{
	gsize len = strlen(date);
	guint year = (guint)atoi(date);
	guint month = len >= 7 ? (guint)atoi(date + 5) : 12;
	guint day = len == 10 ? (guint)atoi(date + 8)
			      : g_date_get_days_in_month((GDateMonth)month, (GDateYear)year);
	GDate d;

	g_date_clear(&d, 1);
	g_date_set_dmy(&d, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
	return g_date_get_julian(&d);
}

/* how old a fact's newest evidence is on the day the analysis is made as of (the model's
 * reference day): recent, dated or old */
static AccordEvidenceClass
age_class(guint32 reference, const AccordProfileFact *fact, const AccordUncertaintyOptions *o)
{
	const AccordEvidence *e = accord_profile_fact_get_newest_evidence(fact);
	gdouble years;

	if (e == NULL || accord_evidence_get_date(e) == NULL)
		return ACCORD_EVIDENCE_CLASS_OLD;
	years = ((gdouble)reference - (gdouble)latest_day(accord_evidence_get_date(e))) / 365.25;
	if (years <= o->recent_years)
		return ACCORD_EVIDENCE_CLASS_RECENT;
	return years > o->old_years ? ACCORD_EVIDENCE_CLASS_OLD : ACCORD_EVIDENCE_CLASS_DATED;
}

/* the confidence class acts first, then the age class on what it kept:
 * flip = f_c + (1 − f_c − d_c)·f_a, drop = d_c + (1 − f_c − d_c)·d_a */
static void
change_chances(AccordUncertainFact *f, const AccordUncertaintyOptions *o)
{
	gdouble kept = 1.0 - o->flip[f->confidence] - o->drop[f->confidence];
	gdouble flip = o->flip[f->confidence] + kept * o->flip[f->age];
	gdouble drop = o->drop[f->confidence] + kept * o->drop[f->age];

	/* a fact with nothing to flip to is kept instead */
	if (f->n_neighbours == 0)
		flip = 0;
	f->change = MIN(flip + drop, 1.0);
	f->drop = f->change > 0 ? drop / (flip + drop) : 0;
}

static AccordEvidenceClass
confidence_class(AccordConfidence confidence)
{
	return (AccordEvidenceClass[]){ACCORD_EVIDENCE_CLASS_LOW,
				       ACCORD_EVIDENCE_CLASS_MEDIUM,
				       ACCORD_EVIDENCE_CLASS_HIGH}[confidence];
}

/* evidence is aged as of the analysis's date when it has one (--date), else as of the
 * profile's as-of date: the output then never depends on the day it is run */
static guint32
reference_day(const AccordModel *m, const AccordProfile *profile)
{
	guint32 day = 0;

	if (m->date == NULL || !accord_parse_date(m->date, &day))
		accord_parse_date(accord_profile_get_as_of(profile), &day);
	return day;
}

/* the facts of @country that may change, in key order */
static void
build_facts(AccordModel *m, AccordCountryModel *country, const GPtrArray *defs, GHashTable *checks)
{
	guint n = 0;

	country->info = g_new0(AccordUncertainFact, MAX(defs->len, 1));
	for (guint i = 0; i < defs->len; i++) {
		const AccordFactDef *def = g_ptr_array_index(defs, i);
		const AccordProfileFact *fact =
		    accord_profile_lookup_fact(country->profile, accord_fact_def_get_key(def));
		AccordUncertainFact *f = &country->info[n];

		if (fact == NULL)
			continue;
		f->def = def;
		f->confidence = confidence_class(accord_profile_fact_get_confidence(fact));
		f->age = age_class(reference_day(m, country->profile), fact, &m->options);
		f->n_neighbours = neighbours_of(def,
						accord_profile_fact_get_value(fact),
						g_hash_table_lookup(checks, def),
						&f->neighbours);
		change_chances(f, &m->options);
		if (f->change > 0)
			n++;
		else
			g_clear_pointer(&f->neighbours, g_free);
	}
	country->n_facts = n;
}

/* ---- every criterion in every state ---- */

typedef struct {
	const AccordCountryModel *country;
	const AccordFactRef *refs;
	guint n_refs;
	const guint8 *states;
} Override;

static gboolean
override_fact(const AccordFactDef *def, const AccordValue **value, gpointer data)
{
	const Override *o = data;

	for (guint j = 0; j < o->n_refs; j++) {
		const AccordUncertainFact *f = &o->country->info[o->refs[j].fact];

		if (f->def != def)
			continue;
		if (o->states[j] == 0)
			return FALSE;
		*value = o->states[j] == 1 ? NULL : &f->neighbours[o->states[j] - 2];
		return TRUE;
	}
	return FALSE;
}

/* the criterion's credit in one state of its facts, or what stands for not applicable and
 * unknown; only the verdict, without the basis (confidence, evidence), which no draw reads */
static gdouble
state_outcome(const AccordCriterion *criterion, const Override *o)
{
	AccordCriterionResult r = accord_criterion_evaluate_verdict(criterion,
								    o->country->profile,
								    override_fact,
								    (gpointer)o);
	gdouble out = r.credit;

	if (r.outcome == ACCORD_OUTCOME_NOT_APPLICABLE)
		out = ACCORD_STATE_NOT_APPLICABLE;
	else if (r.outcome == ACCORD_OUTCOME_UNKNOWN)
		out = ACCORD_STATE_UNKNOWN;
	return out;
}

static gint
compare_guint(gconstpointer a, gconstpointer b)
{
	guint x = *(const guint *)a, y = *(const guint *)b;

	return x < y ? -1 : x > y;
}

/* the uncertain facts the criterion reads, with their strides; how many joint states
 * (@fact_index: each fact's index + 1 by its definition) */
static gboolean
criterion_refs(const AccordCountryModel *country,
	       GHashTable *fact_index,
	       const AccordCriterion *criterion,
	       GArray *refs,
	       guint *n_states,
	       GError **error)
{
	g_autoptr(GPtrArray) defs = g_ptr_array_new();
	g_autoptr(GArray) facts = g_array_new(FALSE, FALSE, sizeof(guint));
	guint64 n = 1;

	/* the uncertain facts it reads, in fact order (each once) */
	accord_criterion_collect_facts(criterion, defs);
	for (guint i = 0; i < defs->len; i++) {
		guint f = GPOINTER_TO_UINT(g_hash_table_lookup(fact_index, defs->pdata[i]));

		if (f > 0)
			g_array_append_val(facts, f);
	}
	g_array_sort(facts, compare_guint);
	for (guint i = 0; i < facts->len; i++) {
		guint f = g_array_index(facts, guint, i) - 1;
		AccordFactRef ref = {f, (guint32)n};

		if (i > 0 && g_array_index(facts, guint, i - 1) == f + 1)
			continue;
		g_array_append_val(refs, ref);
		n *= 2 + country->info[f].n_neighbours;
		if (n > MAX_STATES) {
			g_set_error(
			    error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "criterion '%s' reads uncertain facts of %s with more than %u "
			    "joint states; leave evidence out of --vary or lower the chances",
			    accord_criterion_get_id(criterion),
			    accord_profile_get_country(country->profile),
			    MAX_STATES);
			return FALSE;
		}
	}
	*n_states = (guint)n;
	return TRUE;
}

typedef struct {
	GArray *refs;	  /* AccordFactRef */
	GArray *outcomes; /* gdouble */
} Tables;

static gboolean
build_criterion(AccordCountryModel *country,
		GHashTable *fact_index,
		guint index,
		const AccordCriterion *criterion,
		Tables *t,
		GError **error)
{
	AccordCriterionHot *hot = &country->criteria[index];
	guint8 states[64];
	Override o = {country, NULL, 0, states};

	hot->refs = t->refs->len;
	hot->outcomes = t->outcomes->len;
	if (!criterion_refs(country, fact_index, criterion, t->refs, &hot->n_states, error))
		return FALSE;
	hot->n_refs = t->refs->len - hot->refs;
	o.refs = &g_array_index(t->refs, AccordFactRef, hot->refs);
	o.n_refs = hot->n_refs;
	for (guint s = 0; s < hot->n_states; s++) {
		gdouble outcome;

		for (guint j = 0; j < o.n_refs; j++)
			states[j] = (guint8)(s / o.refs[j].stride %
					     (2 + country->info[o.refs[j].fact].n_neighbours));
		outcome = state_outcome(criterion, &o);
		g_array_append_val(t->outcomes, outcome);
	}
	return TRUE;
}

/* ---- the ruleset's structure, as scored ---- */

/* the rules in pillar order, so that a pillar sums its rules from one run of slots, in the
 * order engine/score.c adds them */
static void
build_slots(AccordModel *m)
{
	guint n = 0;

	m->slot_rule = g_new0(guint, MAX(m->n_rules, 1));
	m->rule_slot = g_new0(guint, MAX(m->n_rules, 1));
	m->pillar_slots = g_new0(guint, m->n_pillars + 1);
	for (guint p = 0; p < m->n_pillars; p++) {
		m->pillar_slots[p] = n;
		for (guint r = 0; r < m->n_rules; r++) {
			if (m->rule_pillar[r] != p)
				continue;
			m->rule_slot[r] = n;
			m->slot_rule[n++] = r;
		}
	}
	m->pillar_slots[m->n_pillars] = n;
}

static void
build_rules(AccordModel *m, const AccordScore *score, GPtrArray *selected)
{
	const AccordRuleset *rs = m->ruleset;

	m->n_rules = accord_ruleset_get_n_rules(rs);
	m->n_pillars = accord_ruleset_get_n_pillars(rs);
	m->rule_pillar = g_new0(guint, m->n_rules);
	m->rule_start = g_new0(guint, m->n_rules + 1);
	m->rule_weight = g_new0(gdouble, m->n_rules);
	m->pillar_weight = g_new0(gdouble, m->n_pillars);
	for (guint p = 0; p < m->n_pillars; p++)
		m->pillar_weight[p] =
		    accord_score_get_pillar_weight(score, accord_ruleset_get_pillar(rs, p));
	for (guint r = 0; r < m->n_rules; r++) {
		const AccordRule *rule = accord_ruleset_get_rule(rs, r);

		m->rule_pillar[r] = accord_pillar_get_index(accord_rule_get_pillar(rule));
		m->rule_weight[r] = accord_score_get_rule_weight(score, rule);
		m->rule_start[r] = selected->len;
		for (guint i = 0; i < accord_rule_get_n_criteria(rule); i++) {
			const AccordCriterion *c = accord_rule_get_criterion(rule, i);

			if (accord_score_selects_criterion(score, c))
				g_ptr_array_add(selected, (gpointer)c);
		}
	}
	m->rule_start[m->n_rules] = selected->len;
	build_slots(m);
	m->n_criteria = selected->len;
	m->criterion_weight = g_new0(gdouble, MAX(m->n_criteria, 1));
	m->criterion_rule = g_new0(guint, MAX(m->n_criteria, 1));
	for (guint r = 0; r < m->n_rules; r++) {
		for (guint i = m->rule_start[r]; i < m->rule_start[r + 1]; i++) {
			m->criterion_rule[i] = r;
			m->criterion_weight[i] =
			    accord_score_get_criterion_weight(score,
							      g_ptr_array_index(selected, i));
		}
	}
}

static void
add_group(GArray *groups, gboolean pillars, GArray *members, const gdouble *weights, gdouble c)
{
	AccordWeightGroup g = {pillars, members->len, NULL, NULL};
	gdouble sum = 0;

	if (members->len < 2)
		return;
	g.members = g_memdup2(members->data, members->len * sizeof(guint));
	g.alpha = g_new(gdouble, g.n);
	for (guint i = 0; i < g.n; i++)
		sum += weights[g.members[i]];
	for (guint i = 0; i < g.n; i++)
		g.alpha[i] = c * weights[g.members[i]] / sum;
	g_array_append_val(groups, g);
}

/* the pillars that hold a selected criterion, and each one's rules that do: only siblings
 * with a weight to trade are drawn */
static void
build_groups(AccordModel *m)
{
	g_autoptr(GArray) groups = g_array_new(FALSE, FALSE, sizeof(AccordWeightGroup));
	g_autoptr(GArray) members = g_array_new(FALSE, FALSE, sizeof(guint));
	gdouble c = m->options.concentration;

	for (guint p = 0; p < m->n_pillars; p++) {
		for (guint r = 0; r < m->n_rules; r++) {
			if (m->rule_pillar[r] == p && m->rule_start[r + 1] > m->rule_start[r]) {
				g_array_append_val(members, p);
				break;
			}
		}
	}
	add_group(groups, TRUE, members, m->pillar_weight, c);
	for (guint p = 0; p < m->n_pillars; p++) {
		g_array_set_size(members, 0);
		for (guint r = 0; r < m->n_rules; r++) {
			if (m->rule_pillar[r] == p && m->rule_start[r + 1] > m->rule_start[r])
				g_array_append_val(members, r);
		}
		add_group(groups, FALSE, members, m->rule_weight, c);
	}
	m->n_groups = groups->len;
	m->groups = (AccordWeightGroup *)g_array_free(g_steal_pointer(&groups), FALSE);
}

static gint
compare_keys(gconstpointer a, gconstpointer b)
{
	return g_strcmp0(accord_fact_def_get_key(*(const AccordFactDef *const *)a),
			 accord_fact_def_get_key(*(const AccordFactDef *const *)b));
}

/* the facts the selected criteria read, in key order */
static GPtrArray *
read_defs(const GPtrArray *selected)
{
	GPtrArray *defs = g_ptr_array_new();
	g_autoptr(GPtrArray) read = g_ptr_array_new();
	g_autoptr(GHashTable) seen = g_hash_table_new(NULL, NULL);

	for (guint i = 0; i < selected->len; i++) {
		g_ptr_array_set_size(read, 0);
		accord_criterion_collect_facts(g_ptr_array_index(selected, i), read);
		for (guint k = 0; k < read->len; k++) {
			if (g_hash_table_add(seen, read->pdata[k]))
				g_ptr_array_add(defs, read->pdata[k]);
		}
	}
	g_ptr_array_sort(defs, compare_keys);
	return defs;
}

static gboolean
build_criteria(AccordModel *m,
	       AccordCountryModel *country,
	       const GPtrArray *selected,
	       GError **error)
{
	Tables t = {g_array_new(FALSE, FALSE, sizeof(AccordFactRef)),
		    g_array_new(FALSE, FALSE, sizeof(gdouble))};
	/* each uncertain fact's index + 1, by definition: a criterion's facts are looked up, not
	 * searched for among every fact of the country */
	g_autoptr(GHashTable) fact_index = g_hash_table_new(NULL, NULL);
	gboolean ok = TRUE;

	for (guint f = 0; f < country->n_facts; f++)
		g_hash_table_insert(fact_index,
				    (gpointer)country->info[f].def,
				    GUINT_TO_POINTER(f + 1));
	country->criteria = g_new0(AccordCriterionHot, MAX(m->n_criteria, 1));
	for (guint i = 0; ok && i < m->n_criteria; i++)
		ok = build_criterion(country,
				     fact_index,
				     i,
				     g_ptr_array_index(selected, i),
				     &t,
				     error);
	country->refs = (AccordFactRef *)g_array_free(t.refs, FALSE);
	country->outcomes = (gdouble *)g_array_free(t.outcomes, FALSE);
	return ok;
}

/* every fact kept: each rule's sums and value under each policy, in slot order */
static void
build_sums(AccordModel *m, AccordCountryModel *country)
{
	guint n = m->n_rules;

	country->kept_sums = g_new0(gdouble, 9 * MAX(n, 1));
	country->slot_values = g_new0(gdouble, 6 * MAX(n, 1));
	for (guint p = 0; p < 3; p++) {
		gdouble *values = country->slot_values + 2 * p * n,
			*kept = country->kept_sums + 3 * p * n;

		for (guint s = 0; s < n; s++) {
			AccordRuleSum sum = accord_rule_sum(m, country, m->slot_rule[s], p);

			kept[s] = sum.numerator;
			kept[n + s] = sum.denominator;
			kept[2 * n + s] = sum.counted;
			accord_rule_value(&sum, &values[s], &values[n + s]);
		}
	}
}

/* every country's slot values and counts, a slot's in a row: AccordModel.columns */
static void
build_columns(AccordModel *m)
{
	guint n = m->n_countries;

	m->columns = g_new0(gdouble, 6 * (gsize)MAX(m->n_rules, 1) * n);
	for (guint row = 0; row < 6 * m->n_rules; row++) {
		for (guint c = 0; c < n; c++)
			m->columns[(gsize)row * n + c] = m->countries[c].slot_values[row];
	}
}

static gboolean
build_country(AccordModel *m,
	      AccordCountryModel *country,
	      const AccordAssessment *assessment,
	      const GPtrArray *selected,
	      const GPtrArray *defs,
	      GHashTable *checks,
	      GError **error)
{
	const AccordScore *score = accord_assessment_get_score(assessment, ACCORD_VARIANT_AS_GIVEN);
	const AccordScoreItem *overall = accord_score_get_overall(score);

	country->profile = accord_evaluation_get_profile(accord_score_get_evaluation(score));
	country->nominal = overall->applicable ? overall->value : NAN;
	if (m->options.inputs & (1u << ACCORD_UNCERTAIN_EVIDENCE))
		build_facts(m, country, defs, checks);
	if (!build_criteria(m, country, selected, error))
		return FALSE;
	build_sums(m, country);
	accord_model_build_units(m, country);
	return TRUE;
}

/* ---- on threads ---- */

typedef struct {
	guint n;
	void (*work)(gpointer data, guint i);
	gpointer data;
	gint next;
} Shared;

static gpointer
take_items(gpointer data)
{
	Shared *s = data;
	guint i;

	while ((i = (guint)g_atomic_int_add(&s->next, 1)) < s->n)
		s->work(s->data, i);
	return NULL;
}

/**
 * accord_parallel_for:
 * @n: how many items
 * @threads: the most threads, 0 for one per processor
 * @work: what to do with item i; called once for each, on any of the threads, so it may
 *   write only what belongs to item i
 * @data: for @work
 *
 * Does @work for every item, each thread taking the next item not yet taken, and returns when
 * all are done.
 */
void
accord_parallel_for(guint n, guint threads, void (*work)(gpointer data, guint i), gpointer data)
{
	Shared s = {n, work, data, 0};
	g_autoptr(GPtrArray) others = g_ptr_array_new();
	guint t = threads > 0 ? threads : (guint)g_get_num_processors();

	g_return_if_fail(n <= G_MAXINT);
	for (guint k = 1; k < CLAMP(t, 1, MAX(n, 1)); k++)
		g_ptr_array_add(others, g_thread_new("accord-build", take_items, &s));
	take_items(&s);
	for (guint k = 0; k < others->len; k++)
		g_thread_join(g_ptr_array_index(others, k));
}

/* the countries being built (build_countries()) */
typedef struct {
	AccordModel *m;
	const GPtrArray *assessments;
	const GPtrArray *selected;
	const GPtrArray *defs;
	GHashTable *checks; /* only looked up */
	GError **errors;    /* by country */
} Countries;

static void
build_some(gpointer data, guint i)
{
	Countries *b = data;

	build_country(b->m,
		      &b->m->countries[i],
		      g_ptr_array_index(b->assessments, i),
		      b->selected,
		      b->defs,
		      b->checks,
		      &b->errors[i]);
}

/* every country's model, on as many threads as the draws will take (a country's model reads
 * the shared parts and writes its own alone); the error of the first country that has one */
static gboolean
build_countries(AccordModel *m,
		const GPtrArray *assessments,
		const GPtrArray *selected,
		const GPtrArray *defs,
		GHashTable *checks,
		GError **error)
{
	g_autofree GError **errors = g_new0(GError *, MAX(m->n_countries, 1));
	Countries b = {m, assessments, selected, defs, checks, errors};
	GError *first = NULL;

	accord_parallel_for(m->n_countries, m->options.threads, build_some, &b);
	for (guint i = 0; i < m->n_countries; i++) {
		if (first == NULL)
			first = g_steal_pointer(&errors[i]);
		g_clear_error(&errors[i]);
		m->max_facts = MAX(m->max_facts, m->countries[i].n_facts);
		m->max_units = MAX(m->max_units, m->countries[i].n_units);
	}
	if (first == NULL)
		return TRUE;
	g_propagate_error(error, first);
	return FALSE;
}

/**
 * accord_model_new:
 * @ruleset: the ruleset
 * @assessments: (element-type AccordAssessment): one per country, in the order to keep
 * @date: (nullable): the day evidence is aged as of, YYYY-MM-DD; %NULL for each profile's
 *   as-of date
 * @options: checked options
 * @error: return location for an `ACCORD_ERROR`
 *
 * Evaluates every selected criterion of every country once per state of the facts it reads.
 */
AccordModel *
accord_model_new(const AccordRuleset *ruleset,
		 const GPtrArray *assessments,
		 const gchar *date,
		 const AccordUncertaintyOptions *options,
		 GError **error)
{
	g_autoptr(AccordModel) m = g_new0(AccordModel, 1);
	g_autoptr(GPtrArray) selected = g_ptr_array_new();
	g_autoptr(GPtrArray) defs = NULL;
	g_autoptr(GHashTable) checks = checks_by_fact(ruleset);
	const AccordScore *first =
	    accord_assessment_get_score(g_ptr_array_index(assessments, 0), ACCORD_VARIANT_AS_GIVEN);

	m->ruleset = ruleset;
	m->date = date;
	m->options = *options;
	m->score = *accord_score_get_options(first);
	for (guint p = 0; p <= ACCORD_UNKNOWN_PASS; p++) {
		if (options->unknown_policies & (1u << p))
			m->policies[m->n_policies++] = (AccordUnknownPolicy)p;
	}
	for (guint p = 0; p <= ACCORD_UNKNOWN_PASS; p++) {
		gboolean taken = p == m->score.unknown;

		for (guint i = 0;
		     options->inputs & (1u << ACCORD_UNCERTAIN_UNKNOWN) && i < m->n_policies;
		     i++)
			taken |= m->policies[i] == p;
		m->taken[p] = taken;
		m->place[p] = (guint8)m->n_taken;
		m->n_taken += taken;
	}
	build_rules(m, first, selected);
	build_groups(m);
	defs = read_defs(selected);
	m->n_countries = assessments->len;
	m->countries = g_new0(AccordCountryModel, m->n_countries);
	if (!build_countries(m, assessments, selected, defs, checks, error))
		return NULL;
	build_columns(m);
	accord_model_rank_nominal(m);
	return g_steal_pointer(&m);
}

static void
country_clear(AccordCountryModel *country)
{
	for (guint f = 0; f < country->n_facts; f++)
		g_free(country->info[f].neighbours);
	g_free(country->info);
	g_free(country->criteria);
	g_free(country->refs);
	g_free(country->outcomes);
	g_free(country->units);
	g_free(country->unit_below);
	g_free(country->unit_tables);
	g_free(country->table_row);
	g_free(country->table_at);
	g_free(country->table_unit);
	g_free(country->table_later);
	g_free(country->slot_tables);
	g_free(country->table_order);
	g_free(country->joint_at);
	g_free(country->joint_stride);
	g_free(country->joint_unit);
	g_free(country->joint_states);
	g_free(country->joint);
	g_free(country->pillar_summed);
	g_free(country->pillar_uncounted);
	g_free(country->added_units);
	g_free(country->tabled_units);
	g_free(country->lookup_below);
	g_free(country->lookup_below16);
	g_free(country->lookup_states);
	g_free(country->lookup_first);
	g_free(country->unit_looked_up);
	g_free(country->unit_tallies);
	g_free(country->unit_at_most);
	for (guint p = 0; p < 3; p++) {
		g_free(country->hot[p]);
		g_free(country->tables[p]);
	}
	g_free(country->unit_active);
	g_free(country->unit_states);
	g_free(country->exact);
	g_free(country->unit_refs);
	g_free(country->unit_first);
	g_free(country->delta_start);
	g_free(country->deltas);
	g_free(country->kept_sums);
	g_free(country->slot_values);
}

void
accord_model_free(AccordModel *self)
{
	if (self == NULL)
		return;
	for (guint i = 0; self->countries != NULL && i < self->n_countries; i++)
		country_clear(&self->countries[i]);
	for (guint g = 0; g < self->n_groups; g++) {
		g_free(self->groups[g].members);
		g_free(self->groups[g].alpha);
	}
	g_free(self->groups);
	g_free(self->countries);
	g_free(self->criterion_weight);
	g_free(self->criterion_rule);
	g_free(self->rule_pillar);
	g_free(self->rule_start);
	g_free(self->slot_rule);
	g_free(self->rule_slot);
	g_free(self->pillar_slots);
	g_free(self->rule_weight);
	g_free(self->pillar_weight);
	g_free(self->nominal_positions);
	g_free(self->nominal_centered);
	g_free(self->columns);
	g_free(self);
}

/* ---- the inputs that cannot vary are refused (the lesson of COINr issue #60) ---- */

/* can a draw put the criterion's facts in state @s? Dropped needs a chance of dropping,
 * flipped a chance of flipping */
static gboolean
reachable(const AccordCountryModel *country, const AccordCriterionHot *c, guint s)
{
	for (guint j = 0; j < c->n_refs; j++) {
		const AccordFactRef *ref = &country->refs[c->refs + j];
		const AccordUncertainFact *f = &country->info[ref->fact];
		guint state = s / ref->stride % (2 + f->n_neighbours);

		if ((state == 1 && f->drop == 0) || (state >= 2 && f->drop == 1))
			return FALSE;
	}
	return TRUE;
}

static gboolean
any_unknown(const AccordModel *m)
{
	for (guint c = 0; c < m->n_countries; c++) {
		const AccordCountryModel *country = &m->countries[c];

		for (guint i = 0; i < m->n_criteria; i++) {
			const AccordCriterionHot *hot = &country->criteria[i];

			for (guint s = 0; s < hot->n_states; s++) {
				if (country->outcomes[hot->outcomes + s] == ACCORD_STATE_UNKNOWN &&
				    reachable(country, hot, s))
					return TRUE;
			}
		}
	}
	return FALSE;
}

static guint
count_pillars(const AccordModel *m)
{
	guint n = 0;

	for (guint p = 0; p < m->n_pillars; p++) {
		for (guint r = 0; r < m->n_rules; r++) {
			if (m->rule_pillar[r] == p && m->rule_start[r + 1] > m->rule_start[r]) {
				n++;
				break;
			}
		}
	}
	return n;
}

/* why @input cannot change any score, or NULL when it can */
static const gchar *
why_fixed(const AccordModel *m, AccordUncertainInput input)
{
	const AccordUncertaintyOptions *o = &m->options;

	switch (input) {
	case ACCORD_UNCERTAIN_WEIGHTS:
		if (m->n_groups == 0)
			return "no pillar or rule has a sibling to share weight with";
		if (o->weight_draw == ACCORD_WEIGHT_DRAW_UNIFORM && o->spread == 0)
			return "the weight spread is 0";
		return NULL;
	case ACCORD_UNCERTAIN_AGGREGATION:
		if (o->geometric_probability == 0 || o->geometric_probability == 1)
			return "the chance of geometric aggregation is 0 or 1, so every draw "
			       "aggregates alike";
		if (count_pillars(m) < 2)
			return "with one pillar both aggregations give the same score";
		return NULL;
	case ACCORD_UNCERTAIN_UNKNOWN:
		if (m->n_policies < 2)
			return "only one unknown policy is listed";
		if (!any_unknown(m))
			return "no criterion of any country is, or can become, unknown";
		return NULL;
	default:
		for (guint c = 0; c < m->n_countries; c++) {
			if (m->countries[c].n_facts > 0)
				return NULL;
		}
		return "no country states a fact the ruleset reads with a chance above 0 of "
		       "changing";
	}
}

/**
 * accord_model_check_inputs:
 * @self: a model
 * @error: return location for an `ACCORD_ERROR`
 *
 * Returns: %FALSE with `ACCORD_ERROR_USAGE` when an input asked to vary cannot change any
 *   score: it would count as a factor in the sensitivity analysis while doing nothing
 */
gboolean
accord_model_check_inputs(const AccordModel *self, GError **error)
{
	for (guint i = 0; i < ACCORD_N_UNCERTAIN_INPUTS; i++) {
		const gchar *why;

		if (!(self->options.inputs & (1u << i)) || (why = why_fixed(self, i)) == NULL)
			continue;
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "the input '%s' cannot vary: %s; leave it out of --vary",
			    accord_uncertain_input_to_string(i),
			    why);
		return FALSE;
	}
	return TRUE;
}

/**
 * accord_model_count_facts:
 * @self: a model
 * @evidence_class: a confidence or an age class
 *
 * Returns: how many facts, over every country, may change and are in @evidence_class
 */
guint
accord_model_count_facts(const AccordModel *self, AccordEvidenceClass evidence_class)
{
	guint n = 0;

	for (guint c = 0; c < self->n_countries; c++) {
		for (guint f = 0; f < self->countries[c].n_facts; f++) {
			const AccordUncertainFact *fact = &self->countries[c].info[f];

			n += fact->confidence == evidence_class || fact->age == evidence_class;
		}
	}
	return n;
}
