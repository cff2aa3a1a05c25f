#include "config.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <string.h>

#include "sobol-private.h"

/* the sums one output needs, per unit. With N samples, the Saltelli design's matrices A and B
 * and A_B^i (A with column i from B), Jansen's estimators (Saltelli et al. 2010, "Variance
 * based sensitivity analysis of model output", Table 2, rows f) are
 *   V    = the variance of the 2N values f(A), f(B)
 *   S_i  = (V − Σ (f(B) − f(A_B^i))² / 2N) / V
 *   ST_i = (Σ (f(A) − f(A_B^i))² / 2N) / V
 * so a unit keeps Σ f(A), Σ f(A)², Σ f(B), Σ f(B)², how many samples were undefined (NAN),
 * then per factor Σ (f(B) − f(A_B^i))² and Σ (f(A) − f(A_B^i))² */
enum { SUM_A, SUM_A2, SUM_B, SUM_B2, SUM_UNDEFINED, SUM_FACTORS };
#define N_SUMS(k) (SUM_FACTORS + 2 * (k))

/* the bootstrap intervals are percentile intervals at 90%, like the 5–95% score intervals */
#define LOWER_QUANTILE 0.05
#define UPPER_QUANTILE 0.95

struct _AccordSobol {
	guint k;
	guint n_outputs;
	guint n_samples;
	guint n_units;
	gdouble *sums;		   /* n_units × n_outputs × N_SUMS(k) */
	AccordSobolIndex *indices; /* n_outputs × k */
};

AccordSobol *
accord_sobol_new(guint n_factors, guint n_outputs, guint n_samples)
{
	AccordSobol *self = g_new0(AccordSobol, 1);

	g_return_val_if_fail(n_factors > 0 && n_outputs > 0 && n_samples > 0, NULL);
	self->k = n_factors;
	self->n_outputs = n_outputs;
	self->n_samples = n_samples;
	self->n_units = MIN(n_samples, ACCORD_SOBOL_MAX_UNITS);
	self->sums = g_new0(gdouble, (gsize)self->n_units * n_outputs * N_SUMS(n_factors));
	self->indices = g_new0(AccordSobolIndex, (gsize)n_outputs * n_factors);
	return self;
}

void
accord_sobol_free(AccordSobol *self)
{
	if (self == NULL)
		return;
	g_free(self->sums);
	g_free(self->indices);
	g_free(self);
}

guint
accord_sobol_get_n_units(const AccordSobol *self)
{
	return self->n_units;
}

/* unit u holds samples [start(u), start(u + 1)): consecutive, sizes differing by at most 1 */
guint
accord_sobol_get_unit_start(const AccordSobol *self, guint unit)
{
	return (guint)((guint64)unit * self->n_samples / self->n_units);
}

static guint
unit_of(const AccordSobol *self, guint sample)
{
	guint unit = (guint)((guint64)sample * self->n_units / self->n_samples);

	while (unit + 1 < self->n_units && accord_sobol_get_unit_start(self, unit + 1) <= sample)
		unit++;
	while (accord_sobol_get_unit_start(self, unit) > sample)
		unit--;
	return unit;
}

static void
add_output(gdouble *sums, guint k, const gdouble *runs, guint n_outputs, guint output)
{
	gdouble a = runs[output], b = runs[n_outputs + output];

	for (guint i = 0; i < 2 + k; i++) {
		if (isnan(runs[(gsize)i * n_outputs + output])) {
			sums[SUM_UNDEFINED] += 1;
			return;
		}
	}
	sums[SUM_A] += a;
	sums[SUM_A2] += a * a;
	sums[SUM_B] += b;
	sums[SUM_B2] += b * b;
	for (guint i = 0; i < k; i++) {
		gdouble ab = runs[(gsize)(2 + i) * n_outputs + output];

		sums[SUM_FACTORS + 2 * i] += (b - ab) * (b - ab);
		sums[SUM_FACTORS + 2 * i + 1] += (a - ab) * (a - ab);
	}
}

/**
 * accord_sobol_add:
 * @self: an accumulator
 * @sample: the sample's index in the design, below the sample size
 * @runs: (array): the outputs of the 2 + k runs of the sample, each n_outputs long, in the
 *   order f(A), f(B), f(A_B^1) … f(A_B^k); NAN where an output is undefined
 *
 * Adds one sample to its unit. Different units may be filled by different threads; one unit's
 * samples must be added by one thread, in order, so the sums never depend on the threads.
 */
void
accord_sobol_add(AccordSobol *self, guint sample, const gdouble *runs)
{
	gsize stride = N_SUMS(self->k);
	gdouble *unit;

	g_return_if_fail(sample < self->n_samples);
	unit = self->sums + (gsize)unit_of(self, sample) * self->n_outputs * stride;
	for (guint o = 0; o < self->n_outputs; o++)
		add_output(unit + o * stride, self->k, runs, self->n_outputs, o);
}

/* Jansen's estimators from (weighted) sums over n samples; NAN when undefined */
static void
estimate(const gdouble *t, guint factor, gdouble n, AccordSobolIndex *out)
{
	gdouble mean = (t[SUM_A] + t[SUM_B]) / (2 * n);
	gdouble v = (t[SUM_A2] + t[SUM_B2]) / (2 * n) - mean * mean;

	out->variance = t[SUM_UNDEFINED] > 0 ? NAN : MAX(v, 0);
	out->first = out->total = NAN;
	if (t[SUM_UNDEFINED] > 0 || !(v > ACCORD_SOBOL_MIN_VARIANCE))
		return;
	out->first = (v - t[SUM_FACTORS + 2 * factor] / (2 * n)) / v;
	out->total = t[SUM_FACTORS + 2 * factor + 1] / (2 * n) / v;
}

/* the sums of every output over the units, unit u counted counts[u] times; returns the
 * number of samples they cover */
static gdouble
weighted_totals(const AccordSobol *self, const guint *counts, gdouble *totals)
{
	gsize stride = (gsize)self->n_outputs * N_SUMS(self->k);
	gdouble n = 0;

	memset(totals, 0, stride * sizeof(gdouble));
	for (guint u = 0; u < self->n_units; u++) {
		const gdouble *unit = self->sums + u * stride;
		guint c = counts != NULL ? counts[u] : 1;

		if (c == 0)
			continue;
		n += (gdouble)c * (accord_sobol_get_unit_start(self, u + 1) -
				   accord_sobol_get_unit_start(self, u));
		for (gsize i = 0; i < stride; i++)
			totals[i] += c * unit[i];
	}
	return n;
}

/* the percentile interval of the replicates that are defined */
static void
percentiles(gdouble *values, gsize n, gdouble *lower, gdouble *upper)
{
	gsize defined = 0;

	for (gsize i = 0; i < n; i++) {
		if (!isnan(values[i]))
			values[defined++] = values[i];
	}
	*lower = *upper = NAN;
	if (defined == 0)
		return;
	gsl_sort(values, 1, defined);
	*lower = gsl_stats_quantile_from_sorted_data(values, 1, defined, LOWER_QUANTILE);
	*upper = gsl_stats_quantile_from_sorted_data(values, 1, defined, UPPER_QUANTILE);
}

/* replicate b resamples the units with replacement (multinomial counts) and re-estimates
 * every index; first[(o·k + i)·B + b] and total[…] keep them */
static void
bootstrap(AccordSobol *self, guint n_replicates, gulong seed, gdouble *first, gdouble *total)
{
	g_autofree gdouble *totals = g_new(gdouble, (gsize)self->n_outputs * N_SUMS(self->k));
	g_autofree gdouble *p = g_new(gdouble, self->n_units);
	g_autofree guint *counts = g_new(guint, self->n_units);
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);

	gsl_rng_set(rng, seed);
	for (guint u = 0; u < self->n_units; u++)
		p[u] = 1.0;
	for (guint b = 0; b < n_replicates; b++) {
		gdouble n;

		gsl_ran_multinomial(rng, self->n_units, self->n_units, p, counts);
		n = weighted_totals(self, counts, totals);
		for (guint o = 0; o < self->n_outputs; o++) {
			for (guint i = 0; i < self->k; i++) {
				AccordSobolIndex x;
				gsize at = ((gsize)o * self->k + i) * n_replicates + b;

				estimate(totals + (gsize)o * N_SUMS(self->k), i, n, &x);
				first[at] = x.first;
				total[at] = x.total;
			}
		}
	}
	gsl_rng_free(rng);
}

/**
 * accord_sobol_finish:
 * @self: an accumulator with every sample added
 * @n_replicates: bootstrap replicates; 0 for point estimates alone (intervals NAN)
 * @seed: the bootstrap's random seed
 *
 * Estimates every index, then its 90% percentile bootstrap interval.
 */
void
accord_sobol_finish(AccordSobol *self, guint n_replicates, gulong seed)
{
	gsize n_indices = (gsize)self->n_outputs * self->k;
	g_autofree gdouble *totals = g_new(gdouble, (gsize)self->n_outputs * N_SUMS(self->k));
	g_autofree gdouble *first = g_new(gdouble, n_indices * MAX(n_replicates, 1));
	g_autofree gdouble *total = g_new(gdouble, n_indices * MAX(n_replicates, 1));
	gdouble n = weighted_totals(self, NULL, totals);

	for (gsize at = 0; at < n_indices; at++)
		estimate(totals + (at / self->k) * N_SUMS(self->k),
			 (guint)(at % self->k),
			 n,
			 &self->indices[at]);
	if (n_replicates > 0)
		bootstrap(self, n_replicates, seed, first, total);
	for (gsize at = 0; at < n_indices; at++) {
		AccordSobolIndex *x = &self->indices[at];

		x->first_lower = x->first_upper = x->total_lower = x->total_upper = NAN;
		if (n_replicates == 0 || isnan(x->first))
			continue;
		percentiles(first + at * n_replicates,
			    n_replicates,
			    &x->first_lower,
			    &x->first_upper);
		percentiles(total + at * n_replicates,
			    n_replicates,
			    &x->total_lower,
			    &x->total_upper);
	}
}

const AccordSobolIndex *
accord_sobol_get(const AccordSobol *self, guint output, guint factor)
{
	g_return_val_if_fail(output < self->n_outputs && factor < self->k, NULL);
	return &self->indices[(gsize)output * self->k + factor];
}
