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
};

G_END_DECLS
