#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Variance-based sensitivity (sobol.c): first-order and total-effect Sobol indices of several
 * outputs with respect to k input factors, estimated with Jansen's formulas over a Saltelli
 * design, with bootstrap intervals. The caller runs the model; this module only accumulates
 * and estimates. Memory is fixed by the number of bootstrap units, not by the sample size */

/* the most resampling units: samples are grouped into at most this many units of consecutive
 * samples, and the bootstrap resamples units (a batch-means bootstrap) */
#define ACCORD_SOBOL_MAX_UNITS 256

/* below this variance an output is taken not to vary and its indices are undefined (NAN); it
 * suits outputs of order 1 to 100, such as scores shifted by their nominal value */
#define ACCORD_SOBOL_MIN_VARIANCE 1e-18

typedef struct {
	gdouble variance;
	gdouble first;
	gdouble first_lower;
	gdouble first_upper;
	gdouble total;
	gdouble total_lower;
	gdouble total_upper;
} AccordSobolIndex;

typedef struct _AccordSobol AccordSobol;

AccordSobol *
accord_sobol_new(guint n_factors, guint n_outputs, guint n_samples);
void
accord_sobol_free(AccordSobol *self);
guint
accord_sobol_get_n_units(const AccordSobol *self);
guint
accord_sobol_get_unit_start(const AccordSobol *self, guint unit);
void
accord_sobol_add(AccordSobol *self, guint sample, const gdouble *runs);
void
accord_sobol_finish(AccordSobol *self, guint n_replicates, gulong seed);
const AccordSobolIndex *
accord_sobol_get(const AccordSobol *self, guint output, guint factor);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordSobol, accord_sobol_free)

G_END_DECLS
