-- aiml: reference data the application needs — the 9 industries, the 9
-- use-case categories, the use-case catalogue (37 use cases, every industry
-- and category used) and the discovery tools the seed names.
-- Content (theory, tips, embeddings) is loaded later by the content sync.

insert into aiml.industries (industry_id, name, icon, description)
values
    ('ecommerce', 'E-commerce', 'shopping-cart', 'Online stores: discovery, recommendations, pricing and customer insight.'),
    ('fintech', 'Fintech', 'credit-card', 'Payments, lending and personal finance: fraud, risk and smart money tools.'),
    ('retail', 'Retail', 'store', 'Physical and omnichannel retail: demand, stock and in-store experience.'),
    ('healthcare', 'Healthcare', 'heart-pulse', 'Care providers and health apps: triage, imaging and patient engagement.'),
    ('travel', 'Travel', 'plane', 'Airlines and travel agencies: trip planning, fares and routing.'),
    ('hospitality', 'Hospitality', 'hotel', 'Hotels and restaurants: revenue management, reviews and loyalty.'),
    ('entertainment', 'Entertainment', 'clapperboard', 'Streaming, media and games: recommendations, audiences and engagement.'),
    ('manufacturing', 'Manufacturing', 'factory', 'Factories and supply chains: maintenance, quality and logistics.'),
    ('real-estate', 'Real Estate', 'house', 'Property portals and agencies: valuation, search and staging.');

insert into aiml.use_case_categories (category_id, name, icon, description, display_order)
values
    ('product-discovery', 'Product Discovery', 'search', 'Help people find what they are looking for: search, visual search, guided discovery.', 0),
    ('logistics', 'Logistics', 'truck', 'Forecast demand and move goods efficiently: inventory, routing, supply chain.', 1),
    ('personalization', 'Personalization', 'user-check', 'Tailor content and offers to each person: recommendations and next best action.', 2),
    ('pricing-fraud', 'Pricing & Fraud', 'shield-dollar', 'Set the right price and stop the wrong transactions: dynamic pricing, fraud and risk.', 3),
    ('marketing-intelligence', 'Marketing Intelligence', 'megaphone', 'Understand customers and campaigns: segmentation, churn, sentiment, A/B tests.', 4),
    ('product-intelligence', 'Product Intelligence', 'lightbulb', 'Learn from products and their feedback: reviews, quality, triage.', 5),
    ('creative-ar', 'Creative & AR', 'sparkles', 'Generate and visualise: virtual try-on, staging, augmented reality.', 6),
    ('gamification', 'Gamification', 'trophy', 'Engage people with challenges, quests and rewards.', 7),
    ('analytics', 'Analytics', 'chart-line', 'Predict and explain with data: forecasting, scoring, anomaly detection.', 8);

insert into aiml.use_cases (
    use_case_id,
    display_name,
    industry_id,
    category_id,
    descriptions,
    keywords,
    is_dynamic,
    api_endpoint
)
select
    v.use_case_id,
    v.display_name,
    i.id as industry_id,
    c.id as category_id,
    jsonb_build_object('short', v.short_description) as descriptions,
    v.keywords,
    v.api_endpoint is not null as is_dynamic,
    v.api_endpoint
from (
    values
        ('product-recommendations', 'Product Recommendations', 'ecommerce', 'personalization', 'Suggest products each shopper is likely to buy.', array['recommendations', 'collaborative filtering', 'embeddings'], '/api/v1/use-cases/product-recommendations/run'),
        ('visual-search', 'Visual Search', 'ecommerce', 'product-discovery', 'Find products from a photo.', array['image search', 'embeddings', 'computer vision'], null),
        ('dynamic-pricing', 'Dynamic Pricing', 'ecommerce', 'pricing-fraud', 'Adjust prices to demand, stock and competition.', array['pricing', 'elasticity', 'optimization'], '/api/v1/use-cases/dynamic-pricing/run'),
        ('customer-segmentation', 'Customer Segmentation', 'ecommerce', 'marketing-intelligence', 'Group customers by behaviour and value.', array['clustering', 'rfm', 'segments'], null),
        ('review-sentiment', 'Review Sentiment Analysis', 'ecommerce', 'product-intelligence', 'Read thousands of reviews and surface what customers feel.', array['sentiment', 'nlp', 'reviews'], null),
        ('fraud-detection', 'Fraud Detection', 'fintech', 'pricing-fraud', 'Score transactions for fraud in real time.', array['fraud', 'anomaly detection', 'classification'], '/api/v1/use-cases/fraud-detection/run'),
        ('credit-scoring', 'Credit Scoring', 'fintech', 'analytics', 'Estimate the risk of a loan applicant.', array['credit', 'risk', 'classification'], null),
        ('churn-prediction', 'Churn Prediction', 'fintech', 'marketing-intelligence', 'Spot customers about to leave.', array['churn', 'retention', 'classification'], null),
        ('expense-categorization', 'Expense Categorization', 'fintech', 'personalization', 'Categorise transactions and personalise budgets.', array['categorization', 'nlp', 'budgeting'], null),
        ('demand-forecasting', 'Demand Forecasting', 'retail', 'logistics', 'Forecast sales per store and product.', array['forecasting', 'time series', 'demand'], null),
        ('inventory-optimization', 'Inventory Optimization', 'retail', 'logistics', 'Set reorder points and quantities that avoid stock-outs.', array['inventory', 'reorder point', 'optimization'], null),
        ('smart-product-finder', 'Smart Product Finder', 'retail', 'product-discovery', 'Answer shopper questions and point to the right aisle.', array['search', 'assistant', 'semantic search'], null),
        ('shelf-analytics', 'Shelf Analytics', 'retail', 'analytics', 'Detect empty shelves and planogram gaps from photos.', array['computer vision', 'object detection', 'retail'], null),
        ('virtual-try-on', 'Virtual Try-On', 'retail', 'creative-ar', 'See clothes and accessories on yourself before buying.', array['ar', 'try-on', 'generative'], null),
        ('symptom-checker', 'Symptom Checker', 'healthcare', 'product-intelligence', 'Triage symptoms and suggest the right level of care.', array['triage', 'nlp', 'decision support'], null),
        ('medical-image-analysis', 'Medical Image Analysis', 'healthcare', 'analytics', 'Highlight regions of interest in scans.', array['imaging', 'segmentation', 'computer vision'], null),
        ('no-show-prediction', 'Appointment No-Show Prediction', 'healthcare', 'analytics', 'Predict missed appointments and send reminders.', array['prediction', 'scheduling', 'classification'], null),
        ('wellness-challenges', 'Wellness Challenges', 'healthcare', 'gamification', 'Personal health challenges with streaks and rewards.', array['gamification', 'habits', 'engagement'], null),
        ('travel-recommendations', 'Travel Recommendations', 'travel', 'personalization', 'Suggest destinations that match a traveller.', array['recommendations', 'destinations', 'personalization'], null),
        ('fare-prediction', 'Fare Prediction', 'travel', 'pricing-fraud', 'Predict whether a fare will rise or fall.', array['pricing', 'forecasting', 'fares'], null),
        ('itinerary-planner', 'Itinerary Planner', 'travel', 'product-discovery', 'Plan a day-by-day trip from a few preferences.', array['planning', 'generative', 'travel'], null),
        ('route-optimization', 'Route Optimization', 'travel', 'logistics', 'Find the fastest and cheapest routes.', array['routing', 'optimization', 'graphs'], null),
        ('revenue-management', 'Hotel Revenue Management', 'hospitality', 'pricing-fraud', 'Price rooms by occupancy forecast.', array['pricing', 'occupancy', 'forecasting'], null),
        ('guest-review-insights', 'Guest Review Insights', 'hospitality', 'marketing-intelligence', 'Turn guest reviews into action items.', array['sentiment', 'topics', 'reviews'], null),
        ('loyalty-rewards', 'Loyalty Rewards', 'hospitality', 'gamification', 'Tiers, points and personalised rewards.', array['loyalty', 'gamification', 'rewards'], null),
        ('room-visualizer', 'Room Visualizer', 'hospitality', 'creative-ar', 'Preview rooms and upgrades in 3D.', array['ar', '3d', 'visualization'], null),
        ('content-recommendations', 'Content Recommendations', 'entertainment', 'personalization', 'Recommend shows, songs and games.', array['recommendations', 'streaming', 'embeddings'], null),
        ('audience-sentiment', 'Audience Sentiment', 'entertainment', 'marketing-intelligence', 'Measure audience reaction across social media.', array['sentiment', 'social', 'nlp'], null),
        ('poster-generator', 'Poster Generator', 'entertainment', 'creative-ar', 'Generate artwork and posters from a brief.', array['generative', 'images', 'creative'], null),
        ('fan-quests', 'Fan Quests', 'entertainment', 'gamification', 'Quests and badges that keep fans engaged.', array['gamification', 'quests', 'engagement'], null),
        ('predictive-maintenance', 'Predictive Maintenance', 'manufacturing', 'analytics', 'Predict machine failures from sensor data.', array['iot', 'anomaly detection', 'time series'], null),
        ('quality-inspection', 'Quality Inspection', 'manufacturing', 'product-intelligence', 'Spot defects on the production line.', array['computer vision', 'defects', 'classification'], null),
        ('supply-chain-optimization', 'Supply Chain Optimization', 'manufacturing', 'logistics', 'Balance suppliers, stock and transport.', array['supply chain', 'optimization', 'forecasting'], null),
        ('ar-assembly-guide', 'AR Assembly Guide', 'manufacturing', 'creative-ar', 'Step-by-step assembly instructions in augmented reality.', array['ar', 'instructions', 'training'], null),
        ('property-valuation', 'Property Valuation', 'real-estate', 'pricing-fraud', 'Estimate the value of a property.', array['valuation', 'regression', 'pricing'], null),
        ('property-search', 'Semantic Property Search', 'real-estate', 'product-discovery', 'Search listings in plain language.', array['semantic search', 'embeddings', 'listings'], null),
        ('virtual-staging', 'Virtual Staging', 'real-estate', 'creative-ar', 'Furnish empty rooms in listing photos.', array['generative', 'images', 'staging'], null),
        ('market-trend-analysis', 'Market Trend Analysis', 'real-estate', 'analytics', 'Explain price trends by neighbourhood.', array['trends', 'forecasting', 'analytics'], null)
) as v (use_case_id, display_name, industry_slug, category_slug, short_description, keywords, api_endpoint)
inner join aiml.industries as i on v.industry_slug = i.industry_id
inner join aiml.use_case_categories as c on v.category_slug = c.category_id;

insert into aiml.discovery_tools (
    tool_id,
    name,
    icon,
    description,
    category,
    interaction_type,
    model_prompt_template,
    visualization_type,
    surprise_type
)
values
    (
        'color-predictor',
        'Color Predictor',
        'palette',
        'Answer a few questions and the AI predicts your colour palette.',
        'lifestyle',
        'form',
        'Given these preferences: {answers}, predict the person''s favourite colour and a matching 5-colour palette with a one-line reason for each colour.',
        'color_palette',
        'personality_insight'
    ),
    (
        'bill-negotiator',
        'Bill Negotiator',
        'receipt',
        'Describe a bill and practise negotiating it down with an AI agent.',
        'money',
        'chat',
        'You are the customer-retention agent of {provider}. The customer pays {amount} per month for {service}. Negotiate realistically; concede a discount only when the customer gives good reasons.',
        'savings_chart',
        'savings_estimate'
    );
