package io.zhidu.crm.shared.jdbc;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * JDBC clients for reading large results as streams. Their queries fetch {@link #FETCH_SIZE} rows
 * at a time; on PostgreSQL that is a server-side cursor when, and only when, the stream is read
 * inside a transaction (outside one the driver reads the whole result into memory). Several such
 * streams may be open at once in the same transaction. Callers close every stream they open
 * (try-with-resources), and read it before the transaction ends.
 */
public final class Cursors {

    /** Rows fetched per round trip. */
    public static final int FETCH_SIZE = 5000;

    private Cursors() {
    }

    /** A client over the data source whose queries fetch in slices of {@link #FETCH_SIZE} rows. */
    public static JdbcClient client(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        return JdbcClient.create(template);
    }
}
