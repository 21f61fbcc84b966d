package org.mvtm.admin.internal;

import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs reads that span several tables in one read-only transaction that sees one snapshot of the database, so a change
 * committed meanwhile is seen whole or not at all (a user is read with every role saved with them, never before their
 * roles). PostgreSQL's REPEATABLE READ is such a snapshot. H2's is not: rows inserted meanwhile show up in its later
 * statements; its SERIALIZABLE is one, and neither blocks writers. Reads made inside another transaction join it.
 */
final class Snapshots {
    private final TransactionTemplate tx;

    Snapshots(PlatformTransactionManager transactions, boolean postgres) {
        this.tx = new TransactionTemplate(transactions);
        tx.setReadOnly(true);
        tx.setIsolationLevel(
                postgres
                        ? TransactionDefinition.ISOLATION_REPEATABLE_READ
                        : TransactionDefinition.ISOLATION_SERIALIZABLE);
    }

    <T> T read(Supplier<T> reads) {
        return tx.execute(status -> reads.get());
    }
}
