#pragma once

#if !defined(__ACCORD_H_INSIDE__) && !defined(ACCORD_COMPILATION)
#error "Only <accord/accord.h> can be included directly."
#endif

#include <glib.h>

#include "macros.h"
#include "vocabulary.h"

G_BEGIN_DECLS

/**
 * ACCORD_WEIGHT_MIN:
 *
 * The smallest weight or obligation multiplier a ruleset or tailoring may give, 10⁻⁶.
 * Together with %ACCORD_WEIGHT_MAX and the 16 MiB input limit it keeps every sum, product
 * and share that scoring computes finite and far from the subnormal range (docs/scoring.md,
 * "Number range"); loading refuses anything outside with `ACCORD_ERROR_VALUE`.
 */
#define ACCORD_WEIGHT_MIN 1e-6

/**
 * ACCORD_WEIGHT_MAX:
 *
 * The largest weight or obligation multiplier a ruleset or tailoring may give, 10⁶.
 */
#define ACCORD_WEIGHT_MAX 1e6

/**
 * AccordEffort:
 * @ACCORD_EFFORT_LOW: a small administrative step (cost 1)
 * @ACCORD_EFFORT_MEDIUM: a policy or programme (cost 2)
 * @ACCORD_EFFORT_HIGH: legislation or a new institution (cost 3)
 *
 * The declared cost of meeting a criterion; the enum value is the cost unit.
 */
typedef enum {
	ACCORD_EFFORT_LOW = 1,
	ACCORD_EFFORT_MEDIUM = 2,
	ACCORD_EFFORT_HIGH = 3,
} AccordEffort;

/**
 * AccordCheckKind:
 * @ACCORD_CHECK_FACT: compares one fact with a value
 * @ACCORD_CHECK_ALL: every child must hold
 * @ACCORD_CHECK_ANY: at least one child must hold
 * @ACCORD_CHECK_NOT: its one child must not hold
 */
typedef enum {
	ACCORD_CHECK_FACT,
	ACCORD_CHECK_ALL,
	ACCORD_CHECK_ANY,
	ACCORD_CHECK_NOT,
} AccordCheckKind;

/**
 * AccordCheckOp:
 * @ACCORD_CHECK_OP_IS: equal to the value (any type)
 * @ACCORD_CHECK_OP_AT_LEAST: at or above a level or number
 * @ACCORD_CHECK_OP_AT_MOST: at or below a level or number
 * @ACCORD_CHECK_OP_IN: one of a set of levels or symbols
 * @ACCORD_CHECK_OP_NOT_IN: none of a set of levels or symbols
 * @ACCORD_CHECK_OP_ON_OR_BEFORE: a date on or before the value
 * @ACCORD_CHECK_OP_ON_OR_AFTER: a date on or after the value
 */
typedef enum {
	ACCORD_CHECK_OP_IS,
	ACCORD_CHECK_OP_AT_LEAST,
	ACCORD_CHECK_OP_AT_MOST,
	ACCORD_CHECK_OP_IN,
	ACCORD_CHECK_OP_NOT_IN,
	ACCORD_CHECK_OP_ON_OR_BEFORE,
	ACCORD_CHECK_OP_ON_OR_AFTER,
} AccordCheckOp;

/**
 * AccordRuleset:
 *
 * One agreement's language as weighted, checkable rules, loaded and validated from a ruleset file;
 * immutable and shared by reference (accord_ruleset_ref()).
 */
typedef struct _AccordRuleset AccordRuleset;

/**
 * AccordObligation:
 *
 * An obligation strength ("shall", "shall endeavor" …) whose multiplier scales the weight of the
 * rules that have it. A borrowed, read-only record owned by its #AccordRuleset.
 */
typedef struct _AccordObligation AccordObligation;

/**
 * AccordPillar:
 *
 * A weighted group of rules; the overall score combines the pillar scores. A borrowed, read-only
 * record owned by its #AccordRuleset.
 */
typedef struct _AccordPillar AccordPillar;

/**
 * AccordRule:
 *
 * One provision of the agreement, cited and quoted, scored as the weighted mean of its criteria. A
 * borrowed, read-only record owned by its #AccordRuleset.
 */
typedef struct _AccordRule AccordRule;

/**
 * AccordCriterion:
 *
 * One checkable condition of a rule, with its weight, effort, dependencies, optional precondition
 * and check. A borrowed, read-only record owned by its #AccordRuleset.
 */
typedef struct _AccordCriterion AccordCriterion;

/**
 * AccordCheck:
 *
 * A test of a criterion: a fact compared with values, or a combinator (all, any, not) of child
 * checks. A borrowed, read-only record owned by its #AccordRuleset.
 */
typedef struct _AccordCheck AccordCheck;

const gchar *
accord_effort_to_string(AccordEffort effort);
const gchar *
accord_check_op_to_string(AccordCheckOp op);

G_GNUC_WARN_UNUSED_RESULT AccordRuleset *
accord_ruleset_load_file(const gchar *path, const AccordVocabulary *vocab, GError **error)
    ACCORD_NON_NULL(1, 2);
G_GNUC_WARN_UNUSED_RESULT AccordRuleset *
accord_ruleset_load_data(const gchar *data,
			 gsize len,
			 const gchar *name,
			 const AccordVocabulary *vocab,
			 GError **error) ACCORD_NON_NULL(1, 4);
AccordRuleset *
accord_ruleset_ref(const AccordRuleset *self) ACCORD_NON_NULL(1);
void
accord_ruleset_unref(AccordRuleset *self);

const gchar *
accord_ruleset_get_id(const AccordRuleset *self) ACCORD_NON_NULL(1);
gboolean
accord_ruleset_is_verified(const AccordRuleset *self) ACCORD_NON_NULL(1);
const gchar *
accord_ruleset_get_version(const AccordRuleset *self) ACCORD_NON_NULL(1);
const gchar *
accord_ruleset_get_title(const AccordRuleset *self) ACCORD_NON_NULL(1);
const gchar *
accord_ruleset_get_agreement(const AccordRuleset *self) ACCORD_NON_NULL(1);
const gchar *
accord_ruleset_get_signed(const AccordRuleset *self) ACCORD_NON_NULL(1);
const gchar *
accord_ruleset_get_in_force(const AccordRuleset *self) ACCORD_NON_NULL(1);
const gchar *
accord_ruleset_get_source_note(const AccordRuleset *self) ACCORD_NON_NULL(1);
const AccordVocabulary *
accord_ruleset_get_vocabulary(const AccordRuleset *self) ACCORD_NON_NULL(1);
guint
accord_ruleset_get_n_obligations(const AccordRuleset *self) ACCORD_NON_NULL(1);
const AccordObligation *
accord_ruleset_get_obligation(const AccordRuleset *self, guint index) ACCORD_NON_NULL(1);
guint
accord_ruleset_get_n_pillars(const AccordRuleset *self) ACCORD_NON_NULL(1);
const AccordPillar *
accord_ruleset_get_pillar(const AccordRuleset *self, guint index) ACCORD_NON_NULL(1);
const AccordPillar *
accord_ruleset_lookup_pillar(const AccordRuleset *self, const gchar *id) ACCORD_NON_NULL(1, 2);
guint
accord_ruleset_get_n_rules(const AccordRuleset *self) ACCORD_NON_NULL(1);
const AccordRule *
accord_ruleset_get_rule(const AccordRuleset *self, guint index) ACCORD_NON_NULL(1);
const AccordRule *
accord_ruleset_lookup_rule(const AccordRuleset *self, const gchar *id) ACCORD_NON_NULL(1, 2);
guint
accord_ruleset_get_n_criteria(const AccordRuleset *self) ACCORD_NON_NULL(1);
const AccordCriterion *
accord_ruleset_get_criterion(const AccordRuleset *self, guint index) ACCORD_NON_NULL(1);
const AccordCriterion *
accord_ruleset_lookup_criterion(const AccordRuleset *self, const gchar *id) ACCORD_NON_NULL(1, 2);

const gchar *
accord_obligation_get_id(const AccordObligation *obligation) ACCORD_NON_NULL(1);
gdouble
accord_obligation_get_multiplier(const AccordObligation *obligation) ACCORD_NON_NULL(1);

const gchar *
accord_pillar_get_id(const AccordPillar *pillar) ACCORD_NON_NULL(1);
const gchar *
accord_pillar_get_title(const AccordPillar *pillar) ACCORD_NON_NULL(1);
gdouble
accord_pillar_get_weight(const AccordPillar *pillar) ACCORD_NON_NULL(1);
guint
accord_pillar_get_index(const AccordPillar *pillar) ACCORD_NON_NULL(1);

const gchar *
accord_rule_get_id(const AccordRule *rule) ACCORD_NON_NULL(1);
const gchar *
accord_rule_get_title(const AccordRule *rule) ACCORD_NON_NULL(1);
const AccordPillar *
accord_rule_get_pillar(const AccordRule *rule) ACCORD_NON_NULL(1);
const AccordObligation *
accord_rule_get_obligation(const AccordRule *rule) ACCORD_NON_NULL(1);
gdouble
accord_rule_get_weight(const AccordRule *rule) ACCORD_NON_NULL(1);
gdouble
accord_rule_get_effective_weight(const AccordRule *rule) ACCORD_NON_NULL(1);
const gchar *
accord_rule_get_cite(const AccordRule *rule) ACCORD_NON_NULL(1);
const gchar *
accord_rule_get_provision(const AccordRule *rule) ACCORD_NON_NULL(1);
const gchar *
accord_rule_get_recommendation(const AccordRule *rule) ACCORD_NON_NULL(1);
gboolean
accord_rule_is_verified(const AccordRule *rule) ACCORD_NON_NULL(1);
guint
accord_rule_get_index(const AccordRule *rule) ACCORD_NON_NULL(1);
guint
accord_rule_get_n_criteria(const AccordRule *rule) ACCORD_NON_NULL(1);
const AccordCriterion *
accord_rule_get_criterion(const AccordRule *rule, guint index) ACCORD_NON_NULL(1);

const gchar *
accord_criterion_get_id(const AccordCriterion *criterion) ACCORD_NON_NULL(1);
const gchar *
accord_criterion_get_title(const AccordCriterion *criterion) ACCORD_NON_NULL(1);
gdouble
accord_criterion_get_weight(const AccordCriterion *criterion) ACCORD_NON_NULL(1);
AccordEffort
accord_criterion_get_effort(const AccordCriterion *criterion) ACCORD_NON_NULL(1);
const AccordRule *
accord_criterion_get_rule(const AccordCriterion *criterion) ACCORD_NON_NULL(1);
guint
accord_criterion_get_index(const AccordCriterion *criterion) ACCORD_NON_NULL(1);
guint
accord_criterion_get_n_depends(const AccordCriterion *criterion) ACCORD_NON_NULL(1);
const AccordCriterion *
accord_criterion_get_depends(const AccordCriterion *criterion, guint index) ACCORD_NON_NULL(1);
const AccordCheck *
accord_criterion_get_precondition(const AccordCriterion *criterion) ACCORD_NON_NULL(1);
const AccordCheck *
accord_criterion_get_check(const AccordCriterion *criterion) ACCORD_NON_NULL(1);

AccordCheckKind
accord_check_get_kind(const AccordCheck *check) ACCORD_NON_NULL(1);
guint
accord_check_get_n_children(const AccordCheck *check) ACCORD_NON_NULL(1);
const AccordCheck *
accord_check_get_child(const AccordCheck *check, guint index) ACCORD_NON_NULL(1);
const AccordFactDef *
accord_check_get_fact(const AccordCheck *check) ACCORD_NON_NULL(1);
AccordCheckOp
accord_check_get_op(const AccordCheck *check) ACCORD_NON_NULL(1);
guint
accord_check_get_n_values(const AccordCheck *check) ACCORD_NON_NULL(1);
const AccordValue *
accord_check_get_value(const AccordCheck *check, guint index) ACCORD_NON_NULL(1);
gboolean
accord_check_get_partial(const AccordCheck *check) ACCORD_NON_NULL(1);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordRuleset, accord_ruleset_unref)

G_END_DECLS
