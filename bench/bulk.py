"""Writing and deleting many rows at once, for the benchmarks' generated data.

Not the way the application writes (its services do, one event at a time, with their
announcements): a benchmark needs millions of rows in minutes, and to take them away
again. Django is set up by the caller.
"""

import itertools


class Writer:
    """Inserts tuples into a model's table: COPY on PostgreSQL, executemany elsewhere.

    Columns not given are filled with their field's default (one value for all rows),
    so a column another engineer adds with a default does not break the generator.
    """

    def __init__(self, connection):
        self.connection = connection
        self.postgres = connection.vendor == "postgresql"
        self.counts: dict[str, int] = {}

    def write(self, model, columns: list[str], rows) -> int:
        meta = model._meta
        given = [meta.get_field(name) for name in columns]
        names = {f.attname for f in given}
        extra = [
            f
            for f in meta.concrete_fields
            if f.attname not in names and not f.primary_key
        ]
        defaults = tuple(f.get_default() for f in extra)
        fields = given + extra
        table = self.connection.ops.quote_name(meta.db_table)
        column_list = ", ".join(
            self.connection.ops.quote_name(f.column) for f in fields
        )
        count = 0
        with self.connection.cursor() as cursor:
            if self.postgres:
                raw = cursor.cursor  # psycopg's own cursor, for COPY
                with raw.copy(f"COPY {table} ({column_list}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row + defaults)
                        count += 1
            else:
                from django.db.models import DateField

                # Only dates and times need the backend's text form on SQLite.
                prepare = [
                    (lambda v, f=f: f.get_db_prep_save(v, self.connection))
                    if isinstance(f, DateField)
                    else None
                    for f in fields
                ]
                placeholders = ", ".join(["%s"] * len(fields))
                sql = f"INSERT INTO {table} ({column_list}) VALUES ({placeholders})"
                rows = iter(rows)
                while batch := list(itertools.islice(rows, 5000)):
                    cursor.executemany(
                        sql,
                        [
                            [
                                p(v) if p else v
                                for p, v in zip(prepare, row + defaults, strict=True)
                            ]
                            for row in batch
                        ],
                    )
                    count += len(batch)
        self.counts[meta.label] = self.counts.get(meta.label, 0) + count
        return count

    def reset_sequences(self, models) -> None:
        from django.core.management.color import no_style

        with self.connection.cursor() as cursor:
            for sql in self.connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)


def next_id(model) -> int:
    """The first primary key free after the table's rows, for rows written with ids."""
    from django.db.models import Max

    return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1


def cascade_delete(cursor, model, where: str, params: list, quote) -> None:
    """DELETE FROM model WHERE `where`, after what refers to those rows: Django's
    on_delete rules (CASCADE, SET_NULL, PROTECT) applied with one statement per
    relation instead of one Python object per row. No listener runs: the city's
    certificates have no PDF file to remove."""
    from django.db import models

    meta = model._meta
    table = quote(meta.db_table)
    keys = f"SELECT {quote(meta.pk.column)} FROM {table} WHERE {where}"
    for relation in meta.related_objects:
        if relation.many_to_many:
            through = relation.through._meta
            column = next(
                f.column
                for f in through.fields
                if f.is_relation and f.related_model == model
            )
            cursor.execute(
                f"DELETE FROM {quote(through.db_table)} WHERE {quote(column)} "
                f"IN ({keys})",
                params,
            )
            continue
        related = relation.related_model
        condition = f"{quote(relation.field.column)} IN ({keys})"
        on_delete = relation.on_delete
        if on_delete is models.CASCADE:
            cascade_delete(cursor, related, condition, params, quote)
        elif on_delete is models.SET_NULL:
            cursor.execute(
                f"UPDATE {quote(related._meta.db_table)} "
                f"SET {quote(relation.field.column)} = NULL WHERE {condition}",
                params,
            )
        elif on_delete in (models.PROTECT, models.RESTRICT):
            cursor.execute(
                f"SELECT 1 FROM {quote(related._meta.db_table)} WHERE {condition}",
                params,
            )
            if cursor.fetchone():
                raise SystemExit(f"{related._meta.label} protects the city's rows.")
    for many in meta.local_many_to_many:
        through = many.remote_field.through._meta
        column = many.m2m_column_name()
        cursor.execute(
            f"DELETE FROM {quote(through.db_table)} WHERE {quote(column)} IN ({keys})",
            params,
        )
    cursor.execute(f"DELETE FROM {table} WHERE {where}", params)


def skip_foreign_key_checks(cursor) -> None:
    """PostgreSQL checks every foreign key of every deleted row when the transaction
    commits: minutes for 200,000 users referred to by some forty tables. When
    `cascade_delete` already deleted or cleared what refers to them, a superuser may
    skip those checks for this transaction; anyone else waits for them."""
    from django.db import DatabaseError, transaction

    try:
        with transaction.atomic():
            cursor.execute("SET LOCAL session_replication_role = replica")
    except DatabaseError:
        pass
