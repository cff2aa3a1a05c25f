#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "accord/input.h"

G_BEGIN_DECLS

typedef enum {
	ACCORD_SCHEMA_VOCABULARY,
	ACCORD_SCHEMA_RULESET,
	ACCORD_SCHEMA_PROFILE,
	ACCORD_SCHEMA_TAILORING,
	ACCORD_SCHEMA_WAIVERS,
	ACCORD_SCHEMA_PARTIES,
	ACCORD_SCHEMA_PLAN,
	ACCORD_SCHEMA_LAST,
} AccordSchema;

/* inputs larger than this are refused before parsing (accord/input.h) */
#define ACCORD_XML_MAX_BYTES ACCORD_INPUT_MAX_BYTES

void
accord_xml_init(void);
gboolean
accord_xml_read_file(const gchar *path, gchar **data, gsize *len, GError **error);
xmlDoc *
accord_xml_parse(const gchar *data, gsize len, const gchar *name, GError **error);
gboolean
accord_xml_validate(xmlDoc *doc, AccordSchema schema, const gchar *name, GError **error);
xmlDoc *
accord_xml_load(const gchar *data,
		gsize len,
		const gchar *name,
		AccordSchema schema,
		GError **error);
gboolean
accord_xml_sniff_schema(xmlDoc *doc, AccordSchema *schema);
gboolean
accord_xml_sniff_root(const gchar *data,
		      gsize len,
		      const gchar *name,
		      AccordSchema *schema,
		      gint *root_line,
		      GError **error);
gboolean
accord_xml_validate_schema(xmlDoc *doc, AccordSchema schema, const gchar *name, GError **error);
gboolean
accord_xml_quick_check(const xmlDoc *doc, AccordSchema schema);

/* the elements of a profile with attributes, for the streamed reader's quick check */
typedef enum {
	ACCORD_PROFILE_ELEMENT_PROFILE,
	ACCORD_PROFILE_ELEMENT_INDEX,
	ACCORD_PROFILE_ELEMENT_FACT,
	ACCORD_PROFILE_ELEMENT_EVIDENCE,
} AccordProfileElement;

gboolean
accord_xml_profile_attributes_are_valid(AccordProfileElement element,
					const gchar *const *names,
					const gchar *const *values,
					guint n);
gboolean
accord_xml_profile_text_is_valid(const gchar *text);

void
accord_xml_set_error(GError **error,
		     gint code,
		     const gchar *name,
		     const xmlNode *node,
		     const gchar *format,
		     ...) G_GNUC_PRINTF(5, 6);
gchar *
accord_xml_get_prop(const xmlNode *node, const gchar *attr);
const gchar *
accord_xml_peek_prop(const xmlNode *node, const gchar *attr, gchar **copy);
gchar *
accord_xml_get_text(const xmlNode *node);
xmlNode *
accord_xml_first_element(const xmlNode *parent);
xmlNode *
accord_xml_next_element(const xmlNode *node);
gboolean
accord_xml_is(const xmlNode *node, const gchar *name);
xmlNode *
accord_xml_find_child(const xmlNode *parent, const gchar *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(xmlDoc, xmlFreeDoc)

G_END_DECLS
