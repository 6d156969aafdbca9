package vn.childprotection.notifications;

import org.springframework.context.ApplicationContext;

/** The outbox's own scheduled dispatch cycle, for the benchmark in another package (the outbox is package-private). */
public final class OutboxCycle {

    private OutboxCycle() {
    }

    /** Runs one cycle of the dispatcher as its schedule would: batches of 100 until one is not full. */
    public static void run(ApplicationContext context) {
        context.getBean(Outbox.class).dispatch();
    }
}
