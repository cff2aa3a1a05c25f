#pragma once

#include "accord/vocabulary.h"

G_BEGIN_DECLS

struct _AccordScale {
	gchar *id;
	gchar *title;
	GPtrArray *levels;	 /* gchar*, lowest first */
	GPtrArray *descriptions; /* gchar*, parallel to levels */
	GHashTable *level_index; /* level id → index + 1, so a lookup is O(1) on any scale */
};

struct _AccordFactDef {
	gchar *key;
	AccordFactType type;
	gchar *description;
	const AccordScale *scale; /* levels only; owned by the vocabulary */
	GPtrArray *symbols;	  /* enums only */
	GHashTable *symbol_index; /* enums only: symbol → index + 1 */
	gchar *unit;
	gboolean informational;
	guint effort;	      /* cost units of reaching any value (a level: each step) */
	guint *value_efforts; /* by value index (false/true, level, symbol); 0 = @effort */
	GPtrArray *conflicts; /* GArray* of AccordValue, in pairs: side a, side b */
	guint index; /* its place in the vocabulary, sorted by key: profiles index facts by it */
};

gint
accord_fact_def_find_symbol(const AccordFactDef *def, const gchar *symbol);
/* "low", "medium", "high" (1, 2, 3) or a whole number of units from 1 to 999 */
gboolean
accord_effort_parse(const gchar *text, guint *units);

G_END_DECLS
