package org.mvtm.sip.ivr;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mvtm.core.HandoffContext;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.media.G711;
import org.mvtm.sip.api.CallMedia;
import org.mvtm.sip.api.IvrSettings;
import org.mvtm.sip.api.speech.CacheNames;
import org.mvtm.sip.api.speech.Endpointer;
import org.mvtm.sip.api.speech.SpeechRecognizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One caller in the IVR: the caller's RTP (keys as RFC 4733 events, speech cut by the {@link Endpointer}) and SIP
 * INFO keys go to the {@link IvrDialogue} on the call's own serial lane (a virtual thread); its prompts are
 * synthesised (cached per text), played through the media port, and timed by their length. While a prompt plays,
 * speech is not listened to (the caller hears it, an echo is not a question) but a key stops it. A hand-off waits for
 * the "connecting you" prompt to end, stops listening, then queues the caller.
 */
final class IvrCall {
    private static final Logger log = LoggerFactory.getLogger(IvrCall.class);
    private static final Pattern TELEPHONE_EVENT = Pattern.compile("a=rtpmap:(\\d+) telephone-event/8000");

    private final InteractionId id;
    private final IvrDialogue dialogue;
    private final IvrSettings settings;
    private final CallMedia media;
    private final ScheduledExecutorService timers;
    private final int telephoneEvent;
    private final Consumer<HandoffContext> toAdvisor;
    private final ExecutorService lane = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("ivr-call").factory());
    private final Dtmf dtmf = new Dtmf();
    private final Endpointer endpointer = new Endpointer();
    private AutoCloseable listening;
    private ScheduledFuture<?> ticker;
    private ScheduledFuture<?> promptEnd;
    private boolean playing;
    private boolean done;
    private HandoffContext pending;

    IvrCall(InteractionId id, IvrDialogue dialogue, IvrSettings settings, CallMedia media,
            ScheduledExecutorService timers, int telephoneEvent, Consumer<HandoffContext> toAdvisor) {
        this.id = id;
        this.dialogue = dialogue;
        this.settings = settings;
        this.media = media;
        this.timers = timers;
        this.telephoneEvent = telephoneEvent;
        this.toAdvisor = toAdvisor;
    }

    /** The payload type the SDP answer gave telephone-events, or -1. */
    static int telephoneEventType(String sdp) {
        Matcher m = TELEPHONE_EVENT.matcher(sdp == null ? "" : sdp);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    void start() {
        onLane(() -> {
            try {
                listening = media.listen(id, this::packet);
            } catch (RuntimeException e) {
                log.warn("IVR of {} cannot listen to the caller ({}); SIP INFO keys only", id, e.toString());
            }
            perform(dialogue.start());
            ticker = timers.scheduleAtFixedRate(() -> onLane(() -> perform(dialogue.tick())), 500, 500,
                    TimeUnit.MILLISECONDS);
        });
    }

    void key(char key) {
        onLane(() -> pressed(key));
    }

    void end() {
        onLane(() -> {
            dialogue.ended();
            stop();
        });
    }

    /** On a media thread: copy and hand over. */
    private void packet(byte[] rtp, int offset, int length) {
        byte[] copy = new byte[length];
        System.arraycopy(rtp, offset, copy, 0, length);
        onLane(() -> heard(copy));
    }

    private void heard(byte[] rtp) {
        if (done || rtp.length < 12) {
            return;
        }
        int pt = rtp[1] & 0x7F;
        if (pt == telephoneEvent) {
            dtmf.rtpEvent(rtp, 0, rtp.length).ifPresent(this::pressed);
            return;
        }
        SpeechRecognizer asr = settings.recognizer();
        if ((pt != 0 && pt != 8) || playing || asr == null || !asr.recognizes(dialogue.language())) {
            return;
        }
        int header = 12 + 4 * (rtp[0] & 0x0F);
        short[] samples = new short[Math.max(0, rtp.length - header)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = pt == 0 ? G711.ulawToLinear(rtp[header + i]) : G711.alawToLinear(rtp[header + i]);
        }
        Optional<short[]> utterance = endpointer.frame(samples);
        if (endpointer.speaking()) {
            dialogue.callerActive();
        }
        if (utterance.isPresent()) {
            Optional<String> text;
            try {
                text = asr.recognize(utterance.get(), dialogue.language(), dialogue.phrases());
            } catch (RuntimeException e) {
                log.warn("speech recognition failed for {}: {}", id, e.toString());
                text = Optional.empty();
            }
            if (text.isPresent()) {
                perform(dialogue.said(text.get()));
            } else {
                dialogue.promptEnded();
            }
        }
    }

    private void pressed(char key) {
        if (done) {
            return;
        }
        if (playing) {
            media.stopPrompt(id);
            playing = false;
        }
        perform(dialogue.key(key));
    }

    private void perform(List<IvrAction> actions) {
        for (IvrAction action : actions) {
            switch (action) {
                case IvrAction.Say say -> play(say);
                case IvrAction.ToAdvisor to -> {
                    pending = to.context();
                    if (!playing) {
                        handOver();
                    }
                }
            }
        }
    }

    private void play(IvrAction.Say say) {
        Path prompt;
        try {
            List<Path> parts = new ArrayList<>();
            for (IvrAction.Part part : say.parts()) {
                parts.add(settings.speech().speak(part.text(), part.language()));
            }
            prompt = joined(parts);
            media.playPrompt(id, prompt);
        } catch (RuntimeException | IOException e) {
            log.warn("IVR prompt for {} not played: {}", id, e.toString());
            promptEnded();
            return;
        }
        playing = true;
        endpointer.reset();
        if (promptEnd != null) {
            promptEnd.cancel(false);
        }
        long millis;
        try {
            millis = Files.size(prompt) / 8; // 8 kHz, one byte per sample
        } catch (IOException e) {
            millis = 0;
        }
        promptEnd = timers.schedule(() -> onLane(this::promptEnded), millis + 200, TimeUnit.MILLISECONDS);
    }

    private void promptEnded() {
        playing = false;
        endpointer.reset();
        if (pending != null) {
            handOver();
        } else {
            dialogue.promptEnded();
        }
    }

    private void handOver() {
        if (done) {
            return;
        }
        HandoffContext context = pending;
        stop();
        toAdvisor.accept(context);
    }

    private void stop() {
        done = true;
        if (ticker != null) {
            ticker.cancel(false);
        }
        if (promptEnd != null) {
            promptEnd.cancel(false);
        }
        if (listening != null) {
            try {
                listening.close();
            } catch (Exception e) {
                log.debug("closing the IVR's listening of {}: {}", id, e.toString());
            }
        }
        lane.shutdown();
    }

    /** One file for a prompt of several parts (raw mu-law concatenates), cached next to its parts. */
    static Path joined(List<Path> parts) throws IOException {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        StringBuilder names = new StringBuilder();
        parts.forEach(p -> names.append(p.getFileName()).append('\n'));
        Path dir = parts.get(0).toAbsolutePath().getParent();
        Path target = dir.resolve("prompt-" + CacheNames.of(names.toString()) + ".ul");
        if (!Files.exists(target)) {
            Path tmp = Files.createTempFile(dir, "prompt-", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                for (Path p : parts) {
                    Files.copy(p, out);
                }
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private void onLane(Runnable task) {
        try {
            lane.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.warn("IVR step of {} failed", id, e);
                }
            });
        } catch (RejectedExecutionException e) {
            // the call left the IVR
        }
    }
}
