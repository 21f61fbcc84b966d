package org.mvtm.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;

/**
 * Style sheets, scripts and translations are served without reading the web session. Spring MVC's default flash
 * attributes live in the session and are looked up on every request the dispatcher serves; in a cluster the session is
 * in Redis, so each asset cost a round trip, and while Redis did not answer every asset failed and the error page
 * came without its look and words. The consoles use no flash attributes (they redirect with query parameters); the
 * per-request event, which asks for the session id too, is off in the server's {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
class SessionFreeAssets {
    @Bean(name = DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
    FlashMapManager noFlashAttributes() {
        return new FlashMapManager() {
            @Override
            public FlashMap retrieveAndUpdate(HttpServletRequest request, HttpServletResponse response) {
                return null;
            }

            @Override
            public void saveOutputFlashMap(FlashMap flashMap, HttpServletRequest request, HttpServletResponse response) {
                // none are kept
            }
        };
    }
}
