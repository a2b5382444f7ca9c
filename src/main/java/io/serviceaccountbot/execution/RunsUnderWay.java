package io.serviceaccountbot.execution;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether approved plans are running or waiting to run on any replica: their durable jobs are in the database until
 * they end. Drift checks wait while there are, so that a change the bot is making is not taken for one made outside it.
 */
@Component
public class RunsUnderWay {

    private final JdbcClient jdbc;

    RunsUnderWay(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether any approved plan's run has not ended yet. */
    public boolean any() {
        return jdbc.sql("select count(*) from scheduled_tasks where task_name = :task")
                        .param("task", DurablePlanRuns.RUN_TASK)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
