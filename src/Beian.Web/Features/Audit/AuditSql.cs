namespace Beian.Web.Features.Audit;

/// <summary>
/// The raw SQL of the audit log, in one place so that regenerated migrations can call it again:
/// the PostgreSQL migration runs <see cref="PostgresProtect"/> in Up and
/// <see cref="PostgresUnprotect"/> in Down (migrationBuilder.Sql).
/// </summary>
public static class AuditSql
{
    public const string Table = "AuditRecords";
    public const string PostgresTrigger = "TR_AuditRecords_Protect";
    public const string PostgresTruncateTrigger = "TR_AuditRecords_NoTruncate";

    /// <summary>
    /// Refuses DELETE and TRUNCATE, and any UPDATE except sealing: on a record not yet sealed, the
    /// four chain fields are set once (all of them, and nothing else). A DBA must drop or disable
    /// the trigger to tamper, and the chain verifier still finds what was changed.
    /// </summary>
    public const string PostgresProtect = """
        CREATE OR REPLACE FUNCTION audit_records_protect() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                RAISE EXCEPTION 'audit record % cannot be deleted', OLD."Id" USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            IF OLD."Sequence" IS NOT NULL THEN
                RAISE EXCEPTION 'audit record % is sealed and cannot be changed', OLD."Id" USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            IF (NEW."Id", NEW."At", NEW."UserId", NEW."UserName", NEW."UnitCode", NEW."Action", NEW."ObjectType",
                NEW."ObjectId", NEW."Outcome", NEW."SourceIp", NEW."Detail", NEW."ContentHash")
               IS DISTINCT FROM
               (OLD."Id", OLD."At", OLD."UserId", OLD."UserName", OLD."UnitCode", OLD."Action", OLD."ObjectType",
                OLD."ObjectId", OLD."Outcome", OLD."SourceIp", OLD."Detail", OLD."ContentHash") THEN
                RAISE EXCEPTION 'the content of audit record % cannot be changed', OLD."Id" USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            IF NEW."Sequence" IS NULL OR NEW."PreviousHash" IS NULL OR NEW."ChainHash" IS NULL OR NEW."SealedAt" IS NULL THEN
                RAISE EXCEPTION 'audit record % can only be sealed, with every chain field', OLD."Id" USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RETURN NEW;
        END
        $$;

        CREATE OR REPLACE FUNCTION audit_records_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit records cannot be truncated' USING ERRCODE = 'integrity_constraint_violation';
        END
        $$;

        CREATE TRIGGER "TR_AuditRecords_Protect" BEFORE UPDATE OR DELETE ON "AuditRecords"
            FOR EACH ROW EXECUTE FUNCTION audit_records_protect();
        CREATE TRIGGER "TR_AuditRecords_NoTruncate" BEFORE TRUNCATE ON "AuditRecords"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_records_no_truncate();
        """;

    public const string PostgresUnprotect = """
        DROP TRIGGER IF EXISTS "TR_AuditRecords_NoTruncate" ON "AuditRecords";
        DROP TRIGGER IF EXISTS "TR_AuditRecords_Protect" ON "AuditRecords";
        DROP FUNCTION IF EXISTS audit_records_no_truncate();
        DROP FUNCTION IF EXISTS audit_records_protect();
        """;
}
