import java.util.Comparator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;

/**
 * Starts the bot with Spring's {@link BufferingApplicationStartup} and prints, once its context is ready, how long that
 * took and the longest start-up steps (STEPS, default 40), then stops it. Run by bench/startup-profile.sh.
 */
public class StartupProfile {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        SpringApplication app = new SpringApplication(Class.forName("io.serviceaccountbot.ServiceAccountBotApplication"));
        BufferingApplicationStartup startup = new BufferingApplicationStartup(200000);
        app.setApplicationStartup(startup);
        var context = app.run(args);
        System.out.printf("context ready after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        StartupTimeline timeline = startup.getBufferedTimeline();
        timeline.getEvents().stream()
                .sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
                .limit(Integer.parseInt(System.getenv().getOrDefault("STEPS", "40")))
                .forEach(e -> {
                    StringBuilder tags = new StringBuilder();
                    e.getStartupStep().getTags().forEach(t -> tags.append(t.getKey()).append('=').append(t.getValue()).append(' '));
                    System.out.printf("%6d ms  %-40s %s%n", e.getDuration().toMillis(), e.getStartupStep().getName(), tags.length() > 160 ? tags.substring(0, 160) : tags);
                });
        context.close();
    }
}
