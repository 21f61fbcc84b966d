package org.mvtm.web.agent;

import java.util.Map;
import java.util.Set;
import org.mvtm.core.concurrent.KeyedLanes;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.web.api.WebRole;
import org.mvtm.web.call.BrowserCallLegs;
import org.mvtm.web.call.WebWorkers;
import org.mvtm.web.socket.JsonSocketHandler;
import org.mvtm.web.socket.MessagePermissions;
import org.mvtm.web.socket.SocketPath;
import org.mvtm.web.socket.SocketPeer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws/agent}: the advisor console. In: {@code presence {state, reason}}, {@code accept|reject
 * {interactionId}}, {@code chat {interactionId, text}}, {@code sdp-offer {interactionId, sdp}},
 * {@code ice {interactionId, candidate}}, {@code media-retry {interactionId}}, {@code hold {interactionId, on}}, {@code mute {interactionId, on}}, {@code hangup {interactionId}},
 * {@code transfer {interactionId, queue | advisor}}, {@code wrapup {interactionId, code, notes}}, {@code desk}. Out: see
 * {@link AgentMessages}.
 */
@Component
@SocketPath("/ws/agent")
public class AgentSocketHandler extends JsonSocketHandler {
    static final MessagePermissions PERMISSIONS;

    static {
        Set<WebRole> agent = Set.of(WebRole.AGENT);
        PERMISSIONS = new MessagePermissions("/ws/agent", Map.ofEntries(
                Map.entry("desk", agent), Map.entry("presence", agent), Map.entry("accept", agent),
                Map.entry("reject", agent), Map.entry("chat", agent), Map.entry("sdp-offer", agent),
                Map.entry("ice", agent), Map.entry("media-retry", agent), Map.entry("hold", agent), Map.entry("mute", agent), Map.entry("hangup", agent),
                Map.entry("transfer", agent), Map.entry("wrapup", agent)));
    }

    private final AdvisorChannel channel;
    private final AdvisorDesks desks;
    private final KeyedLanes<String> lanes;

    AgentSocketHandler(JsonMapper json, AdvisorChannel channel, AdvisorDesks desks, WebWorkers workers) {
        super(PERMISSIONS, json);
        this.channel = channel;
        this.desks = desks;
        this.lanes = workers.lanes("agent-socket");
    }

    private static AgentId agentOf(SocketPeer peer) {
        return peer.user().agentId().orElseThrow(() -> new IllegalStateException(peer.user().username() + " has no agent id"));
    }

    @Override
    protected void opened(SocketPeer peer) {
        channel.open(peer, agentOf(peer));
    }

    @Override
    protected void received(SocketPeer peer, String type, JsonNode m) {
        AgentId agent = agentOf(peer);
        // in-memory work stays on the socket thread so chat lines and candidates keep their order
        switch (type) {
            case "sdp-offer" -> {
                InteractionId id = InteractionId.of(requireText(m, "interactionId"));
                BrowserCallLegs.Answer answer = channel.offerMedia(agent, id, requireText(m, "sdp"));
                peer.send(new AgentMessages.SdpAnswer(id.value(), answer.sdp()));
                return;
            }
            case "chat" -> {
                channel.chat(agent, InteractionId.of(requireText(m, "interactionId")), m.path("text").asString(""));
                return;
            }
            case "ice" -> {
                channel.candidate(agent, InteractionId.of(requireText(m, "interactionId")), m.path("candidate").asString(""));
                return;
            }
            default -> { }
        }
        // routing calls may touch the shared store: run them off the socket thread, report failures to the page
        lanes.submit(peer.id(), type + " from " + agent, () -> {
            try {
                switch (type) {
                    case "desk" -> peer.send(channel.deskMessage(peer.user(), desks.of(agent)));
                    case "presence" -> channel.presence(agent, requireText(m, "state"), m.path("reason").asString(""));
                    case "accept" -> channel.accept(agent, InteractionId.of(requireText(m, "interactionId")));
                    case "reject" -> channel.reject(agent, InteractionId.of(requireText(m, "interactionId")));
                    case "hold" -> channel.hold(agent, InteractionId.of(requireText(m, "interactionId")), m.path("on").asBoolean(false));
                    case "mute" -> channel.mute(agent, InteractionId.of(requireText(m, "interactionId")), m.path("on").asBoolean(false));
                    case "hangup" -> channel.hangUp(agent, InteractionId.of(requireText(m, "interactionId")));
                    case "media-retry" -> channel.retryMedia(agent, InteractionId.of(requireText(m, "interactionId")));
                    case "transfer" -> channel.transfer(agent, InteractionId.of(requireText(m, "interactionId")),
                            m.path("queue").asString(""), m.path("advisor").asString(""));
                    case "wrapup" -> channel.wrapUp(agent, m.path("interactionId").asString(""), m.path("code").asString(""),
                            m.path("notes").asString(""));
                    default -> throw new IllegalArgumentException("unhandled message type " + type);
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                peer.send(ErrorMessage.of(e));
            }
        });
    }

    @Override
    protected void closed(SocketPeer peer) {
        channel.close(peer, agentOf(peer));
    }
}
