package org.mvtm.admin;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One PostgreSQL per test run for every test that asks for a {@link PostgresProcess} parameter (with
 * {@code @ExtendWith(PostgresExtension.class)}): started on first use, stopped when the run ends. Each test takes its
 * own database ({@link PostgresProcess#newDatabase()}), so the tests share the server process and nothing else.
 */
public final class PostgresExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresProcess.class;
    }

    @Override
    public PostgresProcess resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(
                        PostgresProcess.class,
                        key -> {
                            try {
                                return PostgresProcess.start();
                            } catch (Exception e) {
                                throw new ExtensionConfigurationException("PostgreSQL did not start", e);
                            }
                        },
                        PostgresProcess.class);
    }
}
