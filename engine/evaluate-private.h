#pragma once

#include "accord/evaluate.h"

G_BEGIN_DECLS

/* decides what a fact reads: returns %TRUE and sets *value (%NULL for "not stated") to
 * override the profile, or %FALSE to read the profile as it is */
typedef gboolean (*AccordFactOverride)(const AccordFactDef *def,
				       const AccordValue **value,
				       gpointer data);

/* one criterion evaluated exactly as accord_evaluate() would, except for the facts
 * @override overrides; the caller frees the result's reason */
AccordCriterionResult
accord_criterion_evaluate_with(const AccordCriterion *criterion,
			       const AccordProfile *profile,
			       AccordFactOverride override,
			       gpointer data);

/* the outcome, credit and known of accord_criterion_evaluate_with(), with confidence,
 * evidence and dropped left at 0: what scoring a value reads, for a search that evaluates
 * the same criterion many times */
AccordCriterionResult
accord_criterion_evaluate_verdict(const AccordCriterion *criterion,
				  const AccordProfile *profile,
				  AccordFactOverride override,
				  gpointer data);

/* appends to @defs each AccordFactDef @criterion reads, precondition first, in the order its
 * checks name them, skipping those @defs holds already. Each call costs time linear in
 * @defs's length: a caller gathering the facts of many criteria keeps its own set */
void
accord_criterion_collect_facts(const AccordCriterion *criterion, GPtrArray *defs);

/* the credit, in [0, 1], a fact check (ACCORD_CHECK_FACT) gives @value */
gdouble
accord_check_credit(const AccordCheck *check, const AccordValue *value);

G_END_DECLS
