#include "config.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <string.h>

#include "uncertainty-private.h"

/* One model run: draw the uncertain inputs, then re-aggregate the precomputed criterion
 * outcomes into every country's score with the formulas of engine/score.c */

/* two scores closer than this are a tie, as in engine/rank.c */
#define TIE_EPSILON 1e-9

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
	self->positions = g_new0(guint, model->n_countries);
	self->ranks = g_new0(gdouble, model->n_countries);
	self->state = g_new0(guint8, MAX(model->max_facts, 1));
	self->changed = g_new0(guint, MAX(model->max_facts, 1));
	self->dirty = g_new0(guint8, MAX(model->n_rules, 1));
	self->theta = g_new0(gdouble, MAX(model->n_rules, model->n_pillars) + 1);
	self->pillar_sums = g_new0(gdouble, 2 * MAX(model->n_pillars, 1));
	for (guint c = 0; c < model->n_countries; c++)
		self->order[c] = c;
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
	g_free(self->positions);
	g_free(self->ranks);
	g_free(self->state);
	g_free(self->changed);
	g_free(self->dirty);
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
 * Survival products never rise within a segment, so this is a lower bound search, written
 * without branches on the data (they would be mispredicted half the time) */
static guint
first_below(const gdouble *survival, guint from, guint to, gdouble target)
{
	const gdouble *base = survival + from;
	guint n = to + 1 - from;

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
	    (guint8)(2 + MIN((guint)((u - fact->drop) / (1.0 - fact->drop) * fact->n_neighbours),
			     fact->n_neighbours - 1));
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
		gdouble before;

		if (k > end) {
			next = end + 1;
			survival = 1.0;
			continue;
		}
		before = k == next ? survival : country->survival[k - 1];
		self->changed[n++] = k;
		change_fact(self,
			    run,
			    &country->facts[k],
			    k,
			    MIN((before - target) / (before - country->survival[k]), 0.999999999));
		next = k + 1;
		survival = k == end ? 1.0 : country->survival[k];
	}
	return n;
}

static void
mark_rules(AccordRun *self, const AccordCountryModel *country, guint n_changed, guint8 mark)
{
	for (guint i = 0; i < n_changed; i++) {
		const AccordFactHot *f = &country->facts[self->changed[i]];

		if (mark == 0)
			self->state[self->changed[i]] = 0;
		for (guint j = 0; j < f->n_rules; j++)
			self->dirty[country->fact_rules[f->rules + j]] = mark;
	}
}

/* ---- re-aggregating ---- */

/**
 * accord_rule_value:
 * @model: the model
 * @country: a country of it
 * @rule: a rule index
 * @unknown: the unknown policy
 * @state: (nullable): the state of each uncertain fact of @country; %NULL for all kept
 *
 * Returns: the rule's score as a fraction, Σ w·c / Σ w over its counted criteria (an unknown
 *   one counting with the policy's credit); NAN when none counts
 */
inline gdouble
accord_rule_value(const AccordModel *model,
		  const AccordCountryModel *country,
		  guint rule,
		  AccordUnknownPolicy unknown,
		  const guint8 *state)
{
	gdouble numerator = 0, denominator = 0;

	for (guint i = model->rule_start[rule]; i < model->rule_start[rule + 1]; i++) {
		const AccordCriterionHot *c = &country->criteria[i];
		const AccordFactRef *refs = country->refs + c->refs;
		gdouble w = model->criterion_weight[i], x;
		guint index = 0;

		for (guint j = 0; state != NULL && j < c->n_refs; j++)
			index += state[refs[j].fact] * refs[j].stride;
		x = country->outcomes[c->outcomes + index];
		if (x == ACCORD_STATE_NOT_APPLICABLE ||
		    (x == ACCORD_STATE_UNKNOWN && unknown == ACCORD_UNKNOWN_EXCLUDE))
			continue;
		if (x == ACCORD_STATE_UNKNOWN)
			x = unknown == ACCORD_UNKNOWN_PASS ? 1.0 : 0.0;
		numerator += w * x;
		denominator += w;
	}
	return denominator > 0 ? numerator / denominator : NAN;
}

/* rules into pillars, pillars into the overall score: the formulas of engine/score.c
 * (docs/scoring.md section 3) on fractions rather than points, which saves two divisions a
 * rule; a run with the nominal inputs agrees with the nominal score to within 1e-12 */
static gdouble
aggregate(AccordRun *self, guint run, const AccordCountryModel *country)
{
	const AccordModel *m = self->model;
	AccordUnknownPolicy unknown = self->unknown[run];
	gboolean geometric = self->aggregation[run] == ACCORD_AGGREGATION_GEOMETRIC;
	const gdouble *cached = country->rule_values + unknown * m->n_rules;
	const gdouble *rule_weights = self->rule_weights + (gsize)run * m->n_rules;
	const gdouble *pillar_weights = self->pillar_weights + (gsize)run * m->n_pillars;
	gdouble *sums = self->pillar_sums;
	gdouble numerator = 0, denominator = 0, log_sum = 0;
	gboolean any_zero = FALSE;

	memset(sums, 0, 2 * m->n_pillars * sizeof(gdouble));
	for (guint r = 0; r < m->n_rules; r++) {
		gdouble value = self->dirty[r]
				    ? accord_rule_value(m, country, r, unknown, self->state)
				    : cached[r];

		if (isnan(value))
			continue;
		sums[2 * m->rule_pillar[r]] += rule_weights[r] * value;
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

			mark_rules(self, country, n_changed, 1);
			self->scores[(gsize)run * m->n_countries + c] =
			    aggregate(self, run, country);
			mark_rules(self, country, n_changed, 0);
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

/**
 * accord_run_rank:
 * @self: a batch that has drawn
 * @run: which run
 * @average: also compute average ranks (for Spearman's rho)
 *
 * Ranks the countries of one run as engine/rank.c does: competition ranking (1, 2, 2, 4),
 * scores within 1e-9 tied. The order kept from the last run is nearly sorted when the runs
 * move little, and insertion sort is fast on it.
 */
void
accord_run_rank(AccordRun *self, guint run, gboolean average)
{
	guint n = self->model->n_countries, start = 0;
	const gdouble *scores = self->scores + (gsize)run * n;

	for (guint i = 1; i < n; i++) {
		guint x = self->order[i], j = i;

		while (j > 0 && ranks_before(scores, x, self->order[j - 1])) {
			self->order[j] = self->order[j - 1];
			j--;
		}
		self->order[j] = x;
	}
	for (guint i = 0; i < n; i++) {
		guint x = self->order[i];
		gboolean tied = i > 0 && same_score(scores[self->order[i - 1]], scores[x]);

		self->positions[x] = tied ? self->positions[self->order[i - 1]] : i + 1;
		if (!average || (i + 1 < n && same_score(scores[x], scores[self->order[i + 1]])))
			continue;
		/* positions start + 1 … i + 1 are one tie: each gets their mean */
		for (guint j = start; j <= i; j++)
			self->ranks[self->order[j]] = (start + 1 + i + 1) / 2.0;
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
