#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "accord/error.h"
#include "accord/version.h"
#include "document-private.h"

/* JSON: a section is an object, a field a member, a list or table an array of objects; prose
 * and charts are for readers and left out. docs/json.md is the contract */

/* json-glib 1.6 writes a double with no '.' in its shortest form (1e+21) as "1e+21.0", which
 * no parser accepts: integral values are written as integers, and the rare rest (a single
 * significant digit at 2^63 or more) one unit in the last place towards zero */
static void
add_number(JsonBuilder *b, gdouble value)
{
	gchar buf[G_ASCII_DTOSTR_BUF_SIZE];

	if (!isfinite(value)) {
		json_builder_add_null_value(b);
		return;
	}
	if (value == floor(value) && fabs(value) < 9007199254740992.0) {
		json_builder_add_int_value(b, (gint64)value);
		return;
	}
	g_ascii_dtostr(buf, sizeof buf, value);
	if (strchr(buf, '.') == NULL)
		value = nextafter(value, 0.0);
	json_builder_add_double_value(b, value);
}

static void
add_cell(JsonBuilder *b, const AccordCell *cell)
{
	const gchar *names[6], *values[6];
	guint n = accord_cell_get_parts(cell, names, values);

	if (n > 0) {
		json_builder_begin_object(b);
		for (guint i = 0; i < n; i++) {
			json_builder_set_member_name(b, names[i]);
			if (values[i] != NULL)
				json_builder_add_string_value(b, values[i]);
			else
				json_builder_add_null_value(b);
		}
		json_builder_end_object(b);
	} else if (cell->type == ACCORD_CELL_EMPTY) {
		json_builder_add_null_value(b);
	} else if (accord_cell_is_numeric(cell)) {
		add_number(b, cell->number);
	} else if (cell->type == ACCORD_CELL_BOOLEAN) {
		json_builder_add_boolean_value(b, cell->number != 0);
	} else {
		json_builder_add_string_value(b, cell->text);
	}
}

/* a member "<key>" and, when the cell carries marks, "<key>_marks": ["stale", …] */
static void
add_member_cell(JsonBuilder *b, const gchar *key, const AccordCell *cell)
{
	json_builder_set_member_name(b, key);
	add_cell(b, cell);
	if (cell->marks == 0)
		return;
	{
		g_autofree gchar *name = g_strconcat(key, "_marks", NULL);

		json_builder_set_member_name(b, name);
	}
	json_builder_begin_array(b);
	for (guint i = 0; accord_mark_names[i] != NULL; i++)
		if (cell->marks & (1u << i))
			json_builder_add_string_value(b, accord_mark_names[i]);
	json_builder_end_array(b);
}

static void
add_members(JsonBuilder *b, const AccordNode *section);

static void
add_table(JsonBuilder *b, const AccordNode *table)
{
	json_builder_begin_array(b);
	for (guint r = 0; r < accord_table_get_n_rows(table); r++) {
		const AccordCell *row = accord_table_get_row(table, r);

		json_builder_begin_object(b);
		for (guint c = 0; c < table->columns->len; c++)
			add_member_cell(b,
					((AccordNode *)g_ptr_array_index(table->columns, c))->key,
					&row[c]);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

static void
add_child(JsonBuilder *b, const AccordNode *child)
{
	switch (child->kind) {
	case ACCORD_NODE_FIELD:
		add_member_cell(b, child->key, &child->cell);
		return;
	case ACCORD_NODE_SECTION:
		/* a section without a key only groups what a reader sees: its members stay in
		 * the enclosing object */
		if (child->key == NULL) {
			add_members(b, child);
			return;
		}
		json_builder_set_member_name(b, child->key);
		json_builder_begin_object(b);
		add_members(b, child);
		json_builder_end_object(b);
		return;
	case ACCORD_NODE_LIST:
		json_builder_set_member_name(b, child->key);
		json_builder_begin_array(b);
		for (guint i = 0; child->children != NULL && i < child->children->len; i++) {
			const AccordNode *item = g_ptr_array_index(child->children, i);

			json_builder_begin_object(b);
			if (accord_item_title(item) != NULL) {
				json_builder_set_member_name(b, "title");
				json_builder_add_string_value(b, item->title);
			}
			add_members(b, item);
			json_builder_end_object(b);
		}
		json_builder_end_array(b);
		return;
	case ACCORD_NODE_TABLE:
		json_builder_set_member_name(b, child->key);
		add_table(b, child);
		return;
	default:
		return;
	}
}

static void
add_members(JsonBuilder *b, const AccordNode *section)
{
	for (guint i = 0; section->children != NULL && i < section->children->len; i++)
		add_child(b, g_ptr_array_index(section->children, i));
}

/**
 * accord_serialise_json:
 * @document: a document
 * @pretty: %TRUE to indent; %FALSE for one line, as JSON Lines has it
 * @error: return location for an `ACCORD_ERROR`
 *
 * Returns: (transfer full) (nullable): the document as JSON ending in a newline
 */
GBytes *
accord_serialise_json(const AccordDocument *document, gboolean pretty, GError **error)
{
	g_autoptr(JsonBuilder) b = json_builder_new();
	g_autoptr(JsonGenerator) gen = json_generator_new();
	g_autoptr(JsonNode) root = NULL;
	g_autofree gchar *text = NULL;
	gchar *with_newline;

	json_builder_begin_object(b);
	json_builder_set_member_name(b, "schema_version");
	json_builder_add_string_value(b, ACCORD_JSON_SCHEMA_VERSION);
	json_builder_set_member_name(b, "generator");
	json_builder_add_string_value(b, "accord " ACCORD_VERSION_STRING);
	json_builder_set_member_name(b, "kind");
	json_builder_add_string_value(b, document->kind);
	add_members(b, document->root);
	json_builder_end_object(b);
	root = json_builder_get_root(b);
	if (root == NULL) {
		g_set_error_literal(error,
				    ACCORD_ERROR,
				    ACCORD_ERROR_INTERNAL,
				    "empty JSON document");
		return NULL;
	}
	json_generator_set_root(gen, root);
	json_generator_set_pretty(gen, pretty);
	text = json_generator_to_data(gen, NULL);
	with_newline = g_strconcat(text, "\n", NULL);
	return g_bytes_new_take(with_newline, strlen(with_newline));
}
