#pragma once

#if !defined(__ACCORD_H_INSIDE__) && !defined(ACCORD_COMPILATION)
#error "Only <accord/accord.h> can be included directly."
#endif

#include <glib.h>

#include "macros.h"

G_BEGIN_DECLS

/**
 * AccordFactType:
 * @ACCORD_FACT_TYPE_BOOLEAN: `true` or `false`
 * @ACCORD_FACT_TYPE_LEVEL: one level of a declared ordered scale
 * @ACCORD_FACT_TYPE_ENUM: one of a declared, unordered set of symbols
 * @ACCORD_FACT_TYPE_NUMBER: a finite decimal number
 * @ACCORD_FACT_TYPE_DATE: a calendar date, `YYYY-MM-DD`
 */
typedef enum {
	ACCORD_FACT_TYPE_BOOLEAN,
	ACCORD_FACT_TYPE_LEVEL,
	ACCORD_FACT_TYPE_ENUM,
	ACCORD_FACT_TYPE_NUMBER,
	ACCORD_FACT_TYPE_DATE,
} AccordFactType;

/**
 * AccordVocabulary:
 *
 * The facts profiles may state and rulesets may test, with their types and scales, loaded and
 * validated from a vocabulary file; immutable and shared by reference (accord_vocabulary_ref()).
 */
typedef struct _AccordVocabulary AccordVocabulary;

/**
 * AccordFactDef:
 *
 * The definition of one fact: its key, type and description, and its scale, symbols or unit. A
 * borrowed, read-only record owned by its #AccordVocabulary.
 */
typedef struct _AccordFactDef AccordFactDef;

/**
 * AccordScale:
 *
 * An ordered set of levels for level facts, lowest first. A borrowed, read-only record owned by its
 * #AccordVocabulary.
 */
typedef struct _AccordScale AccordScale;

/**
 * AccordValue:
 * @type: the fact type the value belongs to
 *
 * A typed fact value. Levels and enum symbols are stored as indices into the scale or the
 * fact's symbol list, dates as Julian day numbers (as #GDate counts them), so comparing two
 * values never compares strings.
 */
typedef struct {
	AccordFactType type;
	union {
		gboolean boolean;
		guint level;
		guint symbol;
		gdouble number;
		guint32 julian;
	} v;
} AccordValue;

const gchar *
accord_fact_type_to_string(AccordFactType type);

G_GNUC_WARN_UNUSED_RESULT AccordVocabulary *
accord_vocabulary_load_file(const gchar *path, GError **error) ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT AccordVocabulary *
accord_vocabulary_load_data(const gchar *data, gsize len, const gchar *name, GError **error)
    ACCORD_NON_NULL(1);
AccordVocabulary *
accord_vocabulary_ref(const AccordVocabulary *self) ACCORD_NON_NULL(1);
void
accord_vocabulary_unref(AccordVocabulary *self);

const gchar *
accord_vocabulary_get_version(const AccordVocabulary *self) ACCORD_NON_NULL(1);
guint
accord_vocabulary_get_n_facts(const AccordVocabulary *self) ACCORD_NON_NULL(1);
const AccordFactDef *
accord_vocabulary_get_fact(const AccordVocabulary *self, guint index) ACCORD_NON_NULL(1);
const AccordFactDef *
accord_vocabulary_lookup_fact(const AccordVocabulary *self, const gchar *key) ACCORD_NON_NULL(1, 2);
guint
accord_vocabulary_get_n_scales(const AccordVocabulary *self) ACCORD_NON_NULL(1);
const AccordScale *
accord_vocabulary_get_scale(const AccordVocabulary *self, guint index) ACCORD_NON_NULL(1);

const gchar *
accord_fact_def_get_key(const AccordFactDef *def) ACCORD_NON_NULL(1);
AccordFactType
accord_fact_def_get_fact_type(const AccordFactDef *def) ACCORD_NON_NULL(1);
const gchar *
accord_fact_def_get_description(const AccordFactDef *def) ACCORD_NON_NULL(1);
const AccordScale *
accord_fact_def_get_scale(const AccordFactDef *def) ACCORD_NON_NULL(1);
guint
accord_fact_def_get_n_symbols(const AccordFactDef *def) ACCORD_NON_NULL(1);
const gchar *
accord_fact_def_get_symbol(const AccordFactDef *def, guint index) ACCORD_NON_NULL(1);
const gchar *
accord_fact_def_get_unit(const AccordFactDef *def) ACCORD_NON_NULL(1);
gboolean
accord_fact_def_is_informational(const AccordFactDef *def) ACCORD_NON_NULL(1);
guint
accord_fact_def_get_effort(const AccordFactDef *def, const AccordValue *value)
    ACCORD_NON_NULL(1, 2);
gboolean
accord_fact_def_values_conflict(const AccordFactDef *def,
				const AccordValue *a,
				const AccordValue *b) ACCORD_NON_NULL(1, 2, 3);
guint
accord_fact_def_get_n_conflicts(const AccordFactDef *def) ACCORD_NON_NULL(1);

const gchar *
accord_scale_get_id(const AccordScale *scale) ACCORD_NON_NULL(1);
guint
accord_scale_get_n_levels(const AccordScale *scale) ACCORD_NON_NULL(1);
const gchar *
accord_scale_get_level(const AccordScale *scale, guint index) ACCORD_NON_NULL(1);
const gchar *
accord_scale_get_level_description(const AccordScale *scale, guint index) ACCORD_NON_NULL(1);
gint
accord_scale_find_level(const AccordScale *scale, const gchar *name) ACCORD_NON_NULL(1, 2);

gboolean
accord_value_parse(const AccordFactDef *def, const gchar *text, AccordValue *value, GError **error)
    ACCORD_NON_NULL(1, 2, 3);
G_GNUC_WARN_UNUSED_RESULT gchar *
accord_value_to_string(const AccordFactDef *def, const AccordValue *value) ACCORD_NON_NULL(1, 2);
gint
accord_value_compare(const AccordValue *a, const AccordValue *b) ACCORD_NON_NULL(1, 2);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordVocabulary, accord_vocabulary_unref)

G_END_DECLS
