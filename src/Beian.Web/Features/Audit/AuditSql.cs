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

    public const string BlockTable = "AuditBlocks";

    /// <summary>
    /// With archiving (migration AuditBlocks): a sealed record may be deleted once a block holds its sequence (in the
    /// archiver's transaction, which writes the block first), by a trigger of its own for DELETE; updates stay with
    /// <c>audit_records_protect</c>. A block is never changed, deleted or truncated.
    /// </summary>
    public const string PostgresArchive = """
        CREATE OR REPLACE FUNCTION audit_records_delete_archived() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF OLD."Sequence" IS NOT NULL AND (SELECT b."LastSequence" FROM "AuditBlocks" b WHERE b."FirstSequence" <= OLD."Sequence"
                                               ORDER BY b."FirstSequence" DESC LIMIT 1) >= OLD."Sequence" THEN
                RETURN OLD;
            END IF;
            RAISE EXCEPTION 'audit record % cannot be deleted', OLD."Id" USING ERRCODE = 'integrity_constraint_violation';
        END
        $$;

        CREATE OR REPLACE FUNCTION audit_blocks_protect() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit blocks cannot be changed, deleted or truncated' USING ERRCODE = 'integrity_constraint_violation';
        END
        $$;

        DROP TRIGGER "TR_AuditRecords_Protect" ON "AuditRecords";
        CREATE TRIGGER "TR_AuditRecords_Protect" BEFORE UPDATE ON "AuditRecords"
            FOR EACH ROW EXECUTE FUNCTION audit_records_protect();
        CREATE TRIGGER "TR_AuditRecords_DeleteArchived" BEFORE DELETE ON "AuditRecords"
            FOR EACH ROW EXECUTE FUNCTION audit_records_delete_archived();
        CREATE TRIGGER "TR_AuditBlocks_Protect" BEFORE UPDATE OR DELETE ON "AuditBlocks"
            FOR EACH ROW EXECUTE FUNCTION audit_blocks_protect();
        CREATE TRIGGER "TR_AuditBlocks_NoTruncate" BEFORE TRUNCATE ON "AuditBlocks"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_blocks_protect();
        """;

    /// <summary>Refuses while blocks hold records: dropping the table would lose them.</summary>
    public const string PostgresUnarchive = """
        DO $$ BEGIN
            IF EXISTS (SELECT 1 FROM "AuditBlocks") THEN
                RAISE EXCEPTION 'audit blocks hold archived records: they would be lost' USING ERRCODE = 'integrity_constraint_violation';
            END IF;
        END $$;
        DROP TRIGGER IF EXISTS "TR_AuditBlocks_NoTruncate" ON "AuditBlocks";
        DROP TRIGGER IF EXISTS "TR_AuditBlocks_Protect" ON "AuditBlocks";
        DROP TRIGGER IF EXISTS "TR_AuditRecords_DeleteArchived" ON "AuditRecords";
        DROP TRIGGER "TR_AuditRecords_Protect" ON "AuditRecords";
        CREATE TRIGGER "TR_AuditRecords_Protect" BEFORE UPDATE OR DELETE ON "AuditRecords"
            FOR EACH ROW EXECUTE FUNCTION audit_records_protect();
        DROP FUNCTION IF EXISTS audit_blocks_protect();
        DROP FUNCTION IF EXISTS audit_records_delete_archived();
        """;

    public const string PostgresUnprotect = """
        DROP TRIGGER IF EXISTS "TR_AuditRecords_NoTruncate" ON "AuditRecords";
        DROP TRIGGER IF EXISTS "TR_AuditRecords_Protect" ON "AuditRecords";
        DROP FUNCTION IF EXISTS audit_records_no_truncate();
        DROP FUNCTION IF EXISTS audit_records_protect();
        """;
}
