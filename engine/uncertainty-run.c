#include "config.h"

/* GSL's inline gsl_rng_uniform(): a draw calls it once per country and once per change */
#define HAVE_INLINE
#include <gsl/gsl_randist.h>
#include <math.h>
#include <string.h>

#include "uncertainty-private.h"

/* One model run: draw the uncertain inputs, then re-aggregate the precomputed criterion
 * outcomes into every country's score with the formulas of engine/score.c */

/* two scores closer than this are a tie, as in engine/rank.c */
#define TIE_EPSILON 1e-9

/* ranking first places the countries in buckets by score (a counting sort), then sorts within
 * them: linear time whatever the last ranking was */
#define RANK_BUCKETS 1024

static gboolean
varies(const AccordModel *m, AccordUncertainInput input)
{
	return (m->options.inputs & (1u << input)) != 0;
}

/* SplitMix64 (Steele, Lea and Flood 2014): a bijective mixer, so distinct inputs give
 * well-spread, distinct seeds */
static guint64
mix(guint64 x)
{
	x += G_GUINT64_CONSTANT(0x9e3779b97f4a7c15);
	x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT(0xbf58476d1ce4e5b9);
	x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT(0x94d049bb133111eb);
	return x ^ (x >> 31);
}

/**
 * accord_run_seed:
 * @seed: the analysis's seed
 * @purpose: 0 for a Monte Carlo draw, 1 and 2 for the sensitivity design's matrices A and B
 * @index: the draw or the sample
 * @input: the input group
 *
 * Every input group of every run has a random stream of its own, seeded from these four
 * numbers alone: a run's inputs never depend on which thread ran it, or on what ran before,
 * and the design can take one group's inputs from B and the others' from A.
 */
guint64
accord_run_seed(guint64 seed, guint purpose, guint64 index, guint input)
{
	return mix(mix(mix(seed) ^ ((guint64)purpose << 32 | input)) ^ index);
}

/**
 * accord_run_new:
 * @model: the model
 * @capacity: the most runs a batch holds
 *
 * Returns: (transfer full): an empty batch of runs
 */
AccordRun *
accord_run_new(const AccordModel *model, guint capacity)
{
	AccordRun *self = g_new0(AccordRun, 1);
	gsize n = MAX(capacity, 1);

	self->model = model;
	self->capacity = (guint)n;
	for (guint i = 0; i < ACCORD_N_UNCERTAIN_INPUTS; i++)
		self->rng[i] = gsl_rng_alloc(gsl_rng_taus2);
	self->evidence = g_new0(gsl_rng *, n);
	for (gsize i = 0; i < n; i++)
		self->evidence[i] = gsl_rng_alloc(gsl_rng_taus2);
	self->aggregation = g_new0(AccordAggregation, n);
	self->unknown = g_new0(AccordUnknownPolicy, n);
	self->flipped = g_new0(guint, n);
	self->dropped = g_new0(guint, n);
	self->pillar_weights = g_new0(gdouble, n * MAX(model->n_pillars, 1));
	self->rule_weights = g_new0(gdouble, n * MAX(model->n_rules, 1));
	self->scores = g_new0(gdouble, n * model->n_countries);
	self->order = g_new0(guint, model->n_countries);
	self->buckets = g_new0(guint, RANK_BUCKETS + 2);
	self->positions = g_new0(guint, model->n_countries);
	self->ranks = g_new0(gdouble, model->n_countries);
	self->state = g_new0(guint8, MAX(model->max_facts, 1));
	self->changed = g_new0(guint, MAX(model->max_facts, 1));
	self->dirty = g_new0(guint8, MAX(model->n_rules, 1));
	self->dirty_rules = g_new0(guint, MAX(model->n_rules, 1));
	self->sums = g_new0(AccordRuleSum, MAX(model->n_rules, 1));
	self->reached = g_new0(guint8, MAX(model->n_criteria, 1));
	self->reached_criteria = g_new0(guint, MAX(model->n_criteria, 1));
	self->values = g_new0(gdouble, MAX(model->n_rules, 1));
	self->theta = g_new0(gdouble, MAX(model->n_rules, model->n_pillars) + 1);
	self->pillar_sums = g_new0(gdouble, 2 * MAX(model->n_pillars, 1));
	return self;
}

void
accord_run_free(AccordRun *self)
{
	if (self == NULL)
		return;
	for (guint i = 0; i < ACCORD_N_UNCERTAIN_INPUTS; i++)
		gsl_rng_free(self->rng[i]);
	for (guint i = 0; i < self->capacity; i++)
		gsl_rng_free(self->evidence[i]);
	g_free(self->evidence);
	g_free(self->aggregation);
	g_free(self->unknown);
	g_free(self->flipped);
	g_free(self->dropped);
	g_free(self->pillar_weights);
	g_free(self->rule_weights);
	g_free(self->scores);
	g_free(self->order);
	g_free(self->buckets);
	g_free(self->positions);
	g_free(self->ranks);
	g_free(self->state);
	g_free(self->changed);
	g_free(self->dirty);
	g_free(self->dirty_rules);
	g_free(self->sums);
	g_free(self->reached);
	g_free(self->reached_criteria);
	g_free(self->values);
	g_free(self->theta);
	g_free(self->pillar_sums);
	g_free(self);
}

/* ---- drawing the inputs ---- */

/* Dirichlet: the siblings' shares together, mean the nominal shares; uniform: each weight
 * within ± spread of its nominal value. Siblings alone in their group keep their weight */
static void
draw_weights(AccordRun *self, guint run)
{
	const AccordModel *m = self->model;
	gsl_rng *rng = self->rng[ACCORD_UNCERTAIN_WEIGHTS];
	gdouble *pillar_weights = self->pillar_weights + (gsize)run * m->n_pillars;
	gdouble *rule_weights = self->rule_weights + (gsize)run * m->n_rules;

	memcpy(pillar_weights, m->pillar_weight, m->n_pillars * sizeof(gdouble));
	memcpy(rule_weights, m->rule_weight, m->n_rules * sizeof(gdouble));
	if (!varies(m, ACCORD_UNCERTAIN_WEIGHTS))
		return;
	for (guint g = 0; g < m->n_groups; g++) {
		const AccordWeightGroup *group = &m->groups[g];
		gdouble *weights = group->pillars ? pillar_weights : rule_weights;

		if (m->options.weight_draw == ACCORD_WEIGHT_DRAW_DIRICHLET)
			gsl_ran_dirichlet(rng, group->n, group->alpha, self->theta);
		for (guint i = 0; i < group->n; i++) {
			gdouble *w = &weights[group->members[i]];

			if (m->options.weight_draw == ACCORD_WEIGHT_DRAW_DIRICHLET)
				*w = self->theta[i];
			else
				*w *= 1.0 + m->options.spread * (2.0 * gsl_rng_uniform(rng) - 1.0);
		}
	}
}

static void
draw_rules(AccordRun *self, guint run)
{
	const AccordModel *m = self->model;

	self->aggregation[run] = m->score.aggregation;
	self->unknown[run] = m->score.unknown;
	if (varies(m, ACCORD_UNCERTAIN_AGGREGATION))
		self->aggregation[run] = gsl_rng_uniform(self->rng[ACCORD_UNCERTAIN_AGGREGATION]) <
						 m->options.geometric_probability
					     ? ACCORD_AGGREGATION_GEOMETRIC
					     : ACCORD_AGGREGATION_ARITHMETIC;
	if (varies(m, ACCORD_UNCERTAIN_UNKNOWN))
		self->unknown[run] =
		    m->policies[gsl_rng_uniform_int(self->rng[ACCORD_UNCERTAIN_UNKNOWN],
						    m->n_policies)];
}

/* the first fact in [from, to] whose survival product is below @target; to + 1 if none.
 * With the default chances a change comes every few facts, so a short linear scan finds most;
 * beyond it, survival products never rise within a segment and a lower bound search, without
 * branches on the data, finds the rest */
static guint
first_below(const gdouble *survival, guint from, guint to, gdouble target)
{
	const gdouble *base;
	guint n;

	for (guint k = from; k < from + 8; k++) {
		if (k > to || survival[k] < target)
			return k;
	}
	if (from + 8 > to)
		return to + 1;
	base = survival + from + 8;
	n = to + 1 - (from + 8);
	while (n > 1) {
		guint half = n / 2;

		base += half * (guint)(base[half - 1] >= target);
		n -= half;
	}
	return (guint)(base - survival) + (guint)(*base >= target);
}

/* a changed fact is dropped with its chance given a change, else flipped to one of its
 * neighbours, each as likely; @u is uniform on [0, 1) */
static void
change_fact(AccordRun *self, guint run, const AccordFactHot *fact, guint index, gdouble u)
{
	if (u < fact->drop || fact->n_neighbours == 0) {
		self->state[index] = 1;
		self->dropped[run]++;
		return;
	}
	self->state[index] =
	    (guint8)(2 + MIN((guint)((u - fact->drop) * fact->flip_scale), fact->n_neighbours - 1));
	self->flipped[run]++;
}

/* which facts change: each independently with its own chance. Rather than a uniform per fact,
 * the chain draws where the next change is: after fact i the next is the first k with
 * S(k) < T = S(i)·(1 − u), S the survival product, which inverts its distribution
 * P(next ≤ k) = 1 − S(k)/S(i). Given that it is k, T is uniform on (S(k), S(k − 1)], so
 * where T falls in that interval is a fresh uniform that decides how k changes: a country
 * costs one uniform plus one per change */
static guint
draw_evidence(AccordRun *self, guint run, const AccordCountryModel *country)
{
	gsl_rng *rng = self->evidence[run];
	gdouble survival = 1.0;
	guint n = 0, next = 0;

	while (next < country->n_facts) {
		guint end = country->facts[next].segment_end;
		gdouble target = survival * (1.0 - gsl_rng_uniform(rng));
		guint k = first_below(country->survival, next, end, target);
		const AccordFactHot *fact;

		if (k > end) {
			next = end + 1;
			survival = 1.0;
			continue;
		}
		self->changed[n++] = k;
		fact = &country->facts[k];
		change_fact(self,
			    run,
			    fact,
			    k,
			    MIN((fact->before - target) * fact->inv_width, 0.999999999));
		next = k + 1;
		survival = k == end ? 1.0 : country->survival[k];
	}
	return n;
}

/* the criteria a changed fact reaches, each once; returns how many */
static guint
reach_criteria(AccordRun *self, const AccordCountryModel *country, guint n_changed)
{
	guint n = 0;

	for (guint i = 0; i < n_changed; i++) {
		const AccordFactHot *f = &country->facts[self->changed[i]];

		for (guint j = 0; j < f->n_criteria; j++) {
			guint c = country->fact_criteria[f->criteria + j];

			if (!self->reached[c])
				self->reached_criteria[n++] = c;
			self->reached[c] = 1;
		}
	}
	return n;
}

/* ---- re-aggregating ---- */

/* what a criterion adds to its rule's sums: its credit and weight when known, the policy's
 * credit for an unknown one, nothing when not applicable or excluded */
static void
add_term(AccordRuleSum *sum,
	 gdouble outcome,
	 gdouble weight,
	 AccordUnknownPolicy unknown,
	 gint sign)
{
	if (outcome == ACCORD_STATE_NOT_APPLICABLE ||
	    (outcome == ACCORD_STATE_UNKNOWN && unknown == ACCORD_UNKNOWN_EXCLUDE))
		return;
	if (outcome == ACCORD_STATE_UNKNOWN)
		outcome = unknown == ACCORD_UNKNOWN_PASS ? 1.0 : 0.0;
	sum->numerator += sign * weight * outcome;
	sum->denominator += sign * weight;
	sum->counted += sign;
}

/**
 * accord_rule_sum:
 * @model: the model
 * @country: a country of it
 * @rule: a rule index
 * @unknown: the unknown policy
 *
 * Returns: the rule's sums with every fact kept: Σ w·c and Σ w over its counted criteria (an
 *   unknown one counting with the policy's credit), and how many count
 */
AccordRuleSum
accord_rule_sum(const AccordModel *model,
		const AccordCountryModel *country,
		guint rule,
		AccordUnknownPolicy unknown)
{
	AccordRuleSum sum = {0, 0, 0};

	for (guint i = model->rule_start[rule]; i < model->rule_start[rule + 1]; i++)
		add_term(&sum,
			 country->outcomes[country->criteria[i].outcomes],
			 model->criterion_weight[i],
			 unknown,
			 1);
	return sum;
}

/* the sums of the rules whose criteria changed outcome: each starts from its sums with every
 * fact kept and trades a changed criterion's old term for its new one (counting the criteria,
 * so a rule left with none is n/a whatever rounding leaves in the sums). A change that leaves
 * every outcome as it was changes no rule */
static guint
change_rules(AccordRun *self,
	     const AccordCountryModel *country,
	     AccordUnknownPolicy unknown,
	     guint n_reached)
{
	const AccordModel *m = self->model;
	guint n = 0;

	for (guint i = 0; i < n_reached; i++) {
		guint c = self->reached_criteria[i], r = m->criterion_rule[c], index = 0;
		const AccordCriterionHot *hot = &country->criteria[c];
		const AccordFactRef *refs = country->refs + hot->refs;
		gdouble before = country->outcomes[hot->outcomes], now;

		self->reached[c] = 0;
		for (guint j = 0; j < hot->n_refs; j++)
			index += self->state[refs[j].fact] * refs[j].stride;
		now = country->outcomes[hot->outcomes + index];
		if (now == before)
			continue;
		if (!self->dirty[r]) {
			self->dirty[r] = 1;
			self->dirty_rules[n++] = r;
			self->sums[r] = country->rule_sums[unknown * m->n_rules + r];
		}
		add_term(&self->sums[r], before, m->criterion_weight[c], unknown, -1);
		add_term(&self->sums[r], now, m->criterion_weight[c], unknown, 1);
	}
	return n;
}

/* every rule's value in the run: the value with every fact kept, except for the rules whose
 * sums changed; so the aggregation below reads values without branching on which changed.
 * Leaves no fact, criterion or rule marked for the next country */
static const gdouble *
rule_values(AccordRun *self, guint run, const AccordCountryModel *country, guint n_changed)
{
	const AccordModel *m = self->model;
	AccordUnknownPolicy unknown = self->unknown[run];
	const gdouble *cached = country->rule_values + unknown * m->n_rules;
	guint n_dirty =
	    change_rules(self, country, unknown, reach_criteria(self, country, n_changed));

	for (guint i = 0; i < n_changed; i++)
		self->state[self->changed[i]] = 0;
	if (n_dirty == 0)
		return cached;
	memcpy(self->values, cached, m->n_rules * sizeof(gdouble));
	for (guint i = 0; i < n_dirty; i++) {
		guint r = self->dirty_rules[i];
		const AccordRuleSum *sum = &self->sums[r];

		self->values[r] = sum->counted > 0 ? sum->numerator / sum->denominator : NAN;
		self->dirty[r] = 0;
	}
	return self->values;
}

/* rules into pillars, pillars into the overall score: the formulas of engine/score.c
 * (docs/scoring.md section 3) on fractions rather than points, which saves two divisions a
 * rule; a run with the nominal inputs agrees with the nominal score to within 1e-12 */
static gdouble
aggregate(AccordRun *self, guint run, const gdouble *values)
{
	const AccordModel *m = self->model;
	gboolean geometric = self->aggregation[run] == ACCORD_AGGREGATION_GEOMETRIC;
	const gdouble *rule_weights = self->rule_weights + (gsize)run * m->n_rules;
	const gdouble *pillar_weights = self->pillar_weights + (gsize)run * m->n_pillars;
	gdouble *sums = self->pillar_sums;
	gdouble numerator = 0, denominator = 0, log_sum = 0;
	gboolean any_zero = FALSE;

	memset(sums, 0, 2 * m->n_pillars * sizeof(gdouble));
	for (guint r = 0; r < m->n_rules; r++) {
		if (isnan(values[r]))
			continue;
		sums[2 * m->rule_pillar[r]] += rule_weights[r] * values[r];
		sums[2 * m->rule_pillar[r] + 1] += rule_weights[r];
	}
	for (guint p = 0; p < m->n_pillars; p++) {
		gdouble w = pillar_weights[p], value;

		if (!(sums[2 * p + 1] > 0))
			continue;
		value = sums[2 * p] / sums[2 * p + 1];
		numerator += w * value;
		denominator += w;
		if (value <= 0)
			any_zero = TRUE;
		else if (geometric)
			log_sum += w * log(value);
	}
	if (!(denominator > 0))
		return NAN;
	if (geometric)
		/* one pillar at 0 makes the weighted geometric mean 0 */
		return any_zero ? 0.0 : 100.0 * exp(log_sum / denominator);
	return 100.0 * numerator / denominator;
}

/**
 * accord_run_draw:
 * @self: a batch
 * @n: how many runs, at most its capacity
 * @seeds: (array): for each run, each input group's stream seed (accord_run_seed()), n × 4
 *
 * Draws each run's inputs (the groups that do not vary stay nominal) and scores every
 * country in every run. A run's figures depend on its seeds alone.
 */
void
accord_run_draw(AccordRun *self, guint n, const guint64 *seeds)
{
	const AccordModel *m = self->model;
	gboolean evidence = varies(m, ACCORD_UNCERTAIN_EVIDENCE);

	g_return_if_fail(n <= self->capacity);
	self->n = n;
	for (guint run = 0; run < n; run++) {
		const guint64 *s = seeds + (gsize)run * ACCORD_N_UNCERTAIN_INPUTS;

		for (guint i = 0; i < ACCORD_N_UNCERTAIN_INPUTS; i++) {
			gsl_rng *rng = i == ACCORD_UNCERTAIN_EVIDENCE ? self->evidence[run]
								      : self->rng[i];

			if (varies(m, i))
				gsl_rng_set(rng, (gulong)(s[i] ^ (s[i] >> 32)));
		}
		self->flipped[run] = self->dropped[run] = 0;
		draw_weights(self, run);
		draw_rules(self, run);
	}
	for (guint c = 0; c < m->n_countries; c++) {
		const AccordCountryModel *country = &m->countries[c];

		for (guint run = 0; run < n; run++) {
			guint n_changed = evidence ? draw_evidence(self, run, country) : 0;

			self->scores[(gsize)run * m->n_countries + c] =
			    aggregate(self, run, rule_values(self, run, country, n_changed));
		}
	}
}

/* ---- ranking ---- */

/* best first, a country nothing applies to last, ties by country order (code order) */
static gboolean
ranks_before(const gdouble *scores, guint a, guint b)
{
	gboolean an = isnan(scores[a]), bn = isnan(scores[b]);

	if (an != bn)
		return bn;
	if (!an && fabs(scores[a] - scores[b]) > TIE_EPSILON)
		return scores[a] > scores[b];
	return a < b;
}

static gboolean
same_score(gdouble a, gdouble b)
{
	if (isnan(a) || isnan(b))
		return isnan(a) && isnan(b);
	return fabs(a - b) <= TIE_EPSILON;
}

/* bucket 0 holds the best scores, RANK_BUCKETS − 1 the worst, RANK_BUCKETS the n/a */
static guint
bucket_of(gdouble score)
{
	if (isnan(score))
		return RANK_BUCKETS;
	return (guint)((100 - CLAMP(score, 0, 100)) / 100 * (RANK_BUCKETS - 1));
}

/* the countries best first: a stable counting sort into buckets (so each bucket is in country
 * order), then insertion sort, which only moves countries within their bucket or across the
 * edge of one for scores within 1e-9 */
static void
sort_countries(AccordRun *self, const gdouble *scores, guint n)
{
	guint *order = self->order, *start = self->buckets;

	memset(start, 0, (RANK_BUCKETS + 2) * sizeof(guint));
	for (guint c = 0; c < n; c++)
		start[bucket_of(scores[c]) + 1]++;
	for (guint b = 1; b <= RANK_BUCKETS + 1; b++)
		start[b] += start[b - 1];
	for (guint c = 0; c < n; c++)
		order[start[bucket_of(scores[c])]++] = c;
	for (guint i = 1; i < n; i++) {
		guint x = order[i], j = i;

		while (j > 0 && ranks_before(scores, x, order[j - 1])) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = x;
	}
}

/**
 * accord_run_rank:
 * @self: a batch that has drawn
 * @run: which run
 * @average: also compute average ranks (for Spearman's rho)
 *
 * Ranks the countries of one run as engine/rank.c does: competition ranking (1, 2, 2, 4),
 * scores within 1e-9 tied.
 */
void
accord_run_rank(AccordRun *self, guint run, gboolean average)
{
	guint n = self->model->n_countries, start = 0;
	const gdouble *scores = self->scores + (gsize)run * n;
	const guint *order = self->order;

	sort_countries(self, scores, n);
	for (guint i = 0; i < n; i++) {
		guint x = order[i];
		gboolean tied = i > 0 && same_score(scores[order[i - 1]], scores[x]);

		self->positions[x] = tied ? self->positions[order[i - 1]] : i + 1;
		if (!average || (i + 1 < n && same_score(scores[x], scores[order[i + 1]])))
			continue;
		/* positions start + 1 … i + 1 are one tie: each gets their mean */
		for (guint j = start; j <= i; j++)
			self->ranks[order[j]] = (start + 1 + i + 1) / 2.0;
		start = i + 1;
	}
}

/* the nominal scores, ranked */
void
accord_model_rank_nominal(AccordModel *self)
{
	g_autoptr(AccordRun) run = accord_run_new(self, 1);

	for (guint c = 0; c < self->n_countries; c++)
		run->scores[c] = self->countries[c].nominal;
	accord_run_rank(run, 0, TRUE);
	self->nominal_positions = g_memdup2(run->positions, self->n_countries * sizeof(guint));
	self->nominal_ranks = g_memdup2(run->ranks, self->n_countries * sizeof(gdouble));
}
