package org.mvtm.core.signin;

import java.util.Objects;
import org.mvtm.core.id.Usernames;

/**
 * One presentation of credentials.
 *
 * @param channel     web form or SIP digest
 * @param login       the user name as typed (compared without case and surrounding blanks); blank counts as ""
 * @param address     the source IP address the attempt came from
 * @param knownDevice an id of a device the same login signed in from before (a signed cookie the web tier checked),
 *                    or null: a known device is not slowed or locked by what happens to the account elsewhere
 */
public record SignInAttempt(SignInChannel channel, String login, String address, String knownDevice) {
    public SignInAttempt {
        Objects.requireNonNull(channel, "channel");
        login = login == null ? "" : Usernames.normalized(login);
        address = address == null || address.isBlank() ? "unknown" : address;
    }

    public static SignInAttempt web(String login, String address, String knownDevice) {
        return new SignInAttempt(SignInChannel.WEB, login, address, knownDevice);
    }

    public static SignInAttempt sip(String user, String address) {
        return new SignInAttempt(SignInChannel.SIP, user, address, null);
    }
}
