#pragma once

#include "accord/vocabulary.h"

G_BEGIN_DECLS

struct _AccordScale {
	gchar *id;
	gchar *title;
	GPtrArray *levels;	 /* gchar*, lowest first */
	GPtrArray *descriptions; /* gchar*, parallel to levels */
};

struct _AccordFactDef {
	gchar *key;
	AccordFactType type;
	gchar *description;
	const AccordScale *scale; /* levels only; owned by the vocabulary */
	GPtrArray *symbols;	  /* enums only */
	gchar *unit;
	gboolean informational;
	guint effort;	      /* cost units of reaching any value (a level: each step) */
	guint *value_efforts; /* by value index (false/true, level, symbol); 0 = @effort */
};

/* "low", "medium", "high" (1, 2, 3) or a whole number of units from 1 to 999 */
gboolean
accord_effort_parse(const gchar *text, guint *units);

G_END_DECLS
