package io.zhidu.crm.audit;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Chains the staged entries ({@link AuditLog#chainStaged()}) on one background thread per node:
 * {@link #GATHER} after an entry is staged here, and at least every {@link #POLL} for rows staged
 * by other nodes or left by a crash. On a normal shutdown it stops after the web server (phase 0,
 * below the server's), so no request stages after it, and chains what is left before the
 * database closes. Independent of {@code zhidu.scheduling.enabled}: the chain must be completed
 * on every node.
 */
@Component
class AuditChainer implements SmartLifecycle {

    static final Duration POLL = Duration.ofSeconds(1);
    /**
     * How long a woken chainer waits for more entries before chaining, so that a busy node chains a
     * few batches a second instead of one per entry (issue #8: one transaction on the head's lock
     * per customer view, ~60 a second, queued the writes' own entries behind it).
     */
    static final Duration GATHER = Duration.ofMillis(200);
    private static final Logger LOG = LoggerFactory.getLogger(AuditChainer.class);

    private final AuditLog log;
    private volatile boolean running;
    private Thread thread;

    AuditChainer(AuditLog log) {
        this.log = log;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::work, "audit-chainer");
        thread.setDaemon(true);
        thread.start();
    }

    private void work() {
        while (running) {
            try {
                if (log.awaitStaged(POLL) && running) {
                    Thread.sleep(GATHER.toMillis());
                }
                log.chainStaged();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the rows stay staged: the next round (here or on another node) chains them
                LOG.warn("chaining staged audit entries failed, retrying: {}", e.toString());
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops the thread, then chains whatever was staged up to now on the calling thread. */
    @Override
    public synchronized void stop() {
        running = false;
        log.wake();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            int chained = log.chainStaged();
            if (chained > 0) {
                LOG.info("chained {} staged audit entries at shutdown", chained);
            }
        } catch (RuntimeException e) {
            // still staged, durably: the next node to start chains them
            LOG.warn("staged audit entries left for the next start: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Below the web server's phases: started before it serves, stopped after it has drained. */
    @Override
    public int getPhase() {
        return 0;
    }
}
