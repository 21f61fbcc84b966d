package org.mvtm.web.documents;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.mvtm.web.security.ErrorAnswer;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** A signature sent without a signed-in customer: 401 naming {@code customer}, before anything is read or stored. */
public final class SignatureEntryPoint implements AuthenticationEntryPoint {
    private static final Pattern SIGNATURE = Pattern.compile(
            "/api/customer/conversations/[^/]+/documents/[^/]+/signature");

    public static boolean matches(HttpServletRequest request) {
        return SIGNATURE.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        ErrorAnswer.write(response, HttpStatus.UNAUTHORIZED, null, "customer",
                "a form is signed only by the customer signed in (their bank token or session); no customer is");
    }
}
