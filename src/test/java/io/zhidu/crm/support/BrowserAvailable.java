package io.zhidu.crm.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Browser tests need Debian's chromium and chromium-driver. Where they are missing the tests are
 * skipped with a visible message, except under CI ({@code CI=true}), where they must run.
 */
public class BrowserAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Browser.available() || "true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("chromium present (or required by CI)");
        }
        System.err.println("\n*** /usr/bin/chromium or /usr/bin/chromedriver missing: browser tests SKIPPED. "
                + "Install them with: apt-get install chromium chromium-driver fonts-wqy-microhei ***\n");
        return ConditionEvaluationResult.disabled("chromium / chromedriver not installed");
    }
}
